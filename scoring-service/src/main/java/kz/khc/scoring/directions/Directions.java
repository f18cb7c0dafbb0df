package kz.khc.scoring.directions;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import kz.khc.contracts.scoring.v1.BankOutcome;
import kz.khc.contracts.scoring.v1.BankOutcomeRecorded;
import kz.khc.contracts.scoring.v1.DirectionAnnulled;
import kz.khc.contracts.scoring.v1.DirectionExpired;
import kz.khc.contracts.scoring.v1.DirectionIssued;
import kz.khc.scoring.audit.AuditTrail;
import kz.khc.scoring.ranking.RankedLists;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.workingdays.WorkingDayCalendar;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOMAIN A1–A4. Every change of a list's directions holds that list's advisory lock for its transaction, so two
 * officers issuing at once, or an officer and the expiry job, never give the same place twice. Each change writes
 * its event (to the notification service and the bank), its step of the direction's history and its audit entry in
 * the same transaction.
 */
@Service
public class Directions {

	/** The statuses that hold a place in the quota. */
	static final Set<Status> HOLDING = Set.of(Status.ISSUED, Status.VISITED, Status.QUALIFIED, Status.HOUSING_CHOSEN,
			Status.LOAN_ISSUED);

	public enum Status {
		ISSUED, VISITED, QUALIFIED, HOUSING_CHOSEN, LOAN_ISSUED, FAILED, EXPIRED, ANNULLED
	}

	public record Direction(UUID id, String number, UUID applicationId, String edition, Category category,
			Status status, int position, int points, LocalDate issuedOn, LocalDate visitDeadline,
			@Nullable LocalDate housingDeadline, @Nullable String reason) {
	}

	/**
	 * What happened to a direction and when: the citizen's timeline, the bank's card. The direction row keeps only
	 * where it is now.
	 *
	 * @param onDate the day in Almaty
	 * @param deadline the bank visit's for {@code ISSUED}, the housing's for {@code QUALIFICATION_PASSED}, the one
	 * missed for {@code EXPIRED}
	 * @param reason why a qualification failed or a direction was annulled, or the bank's note
	 */
	public record Step(Kind step, Instant occurredAt, LocalDate onDate, @Nullable LocalDate deadline,
			@Nullable String reason) {

		public enum Kind {
			ISSUED, VISITED, QUALIFICATION_PASSED, QUALIFICATION_FAILED, HOUSING_CHOSEN, LOAN_ISSUED, EXPIRED, ANNULLED
		}
	}

	/**
	 * A direction as the bank receives the person who brings it: who it is for (the IIN in full, to check against the
	 * identity document) and how long is left until its current deadline.
	 *
	 * @param deadline the bank visit's while issued or visited, the housing's while qualified; none once decided
	 * @param daysLeft from today in Almaty; 0 on the deadline day itself, which still counts
	 */
	public record Entry(@JsonUnwrapped Direction direction, String applicantName, String iin,
			String applicationNumber, @Nullable LocalDate deadline, @Nullable Integer daysLeft) {
	}

	/** A direction with its history, newest step first: the bank's and the akimat's card. */
	public record Card(@JsonUnwrapped Entry entry, List<Step> steps) {
	}

	/**
	 * The citizen's own direction with the letter's verification code, which only they and the bank know (the bank
	 * from {@code DirectionIssued}), and its history, newest step first.
	 */
	public record Own(@JsonUnwrapped Entry entry, String verificationCode, List<Step> steps) {
	}

	/**
	 * The direction cannot take this step from where it is (e.g. a loan before the qualification), often because
	 * another officer has just recorded it.
	 *
	 * @param status where the direction is now
	 * @param step the step refused: a {@link BankOutcome} or {@code ANNULLED}
	 */
	public static final class WrongStep extends RuntimeException {

		public final String number;
		public final Status status;
		public final String step;

		WrongStep(String number, Status status, String step) {
			super("%s: %s cannot follow %s".formatted(number, step, status), null, false, false);
			this.number = number;
			this.status = status;
			this.step = step;
		}
	}

	public static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final RankedLists lists;
	private final WorkingDayCalendar workingDays;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Settings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;

	Directions(JdbcClient jdbc, RankedLists lists, WorkingDayCalendar workingDays, AuditTrail audit, ApplicationEventPublisher events,
			Settings settings, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.lists = lists;
		this.workingDays = workingDays;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @param bankVisitWorkingDays DOMAIN A2
	 * @param housingDays DOMAIN A4
	 */
	@ConfigurationProperties("scoring.directions")
	record Settings(int bankVisitWorkingDays, int housingDays) {
	}

	/** The akimat sets how many directions a list may hold at once. */
	@Transactional
	public void setQuota(String edition, Category category, int quota, String officer) {
		lock(edition, category);
		jdbc.sql("""
				insert into list_quota (edition, category, quota, set_by, set_at) values (?, ?, ?, ?, ?)
				on conflict (edition, category) do update
				set quota = excluded.quota, set_by = excluded.set_by, set_at = excluded.set_at""")
			.params(edition, category.name(), quota, officer, Timestamp.from(Instant.now(clock)))
			.update();
		audit.record(officer, "quota.set", "list/" + edition + "/" + category, "quota " + quota);
	}

	/**
	 * A list's quota and how many of its places directions hold now.
	 *
	 * @param quota 0 until the akimat sets one
	 */
	public record Places(int quota, long holding) {
	}

	@Transactional(readOnly = true)
	public Places places(String edition, Category category) {
		int quota = jdbc.sql("select quota from list_quota where edition = ? and category = ?")
			.params(edition, category.name())
			.query(Integer.class)
			.optional()
			.orElse(0);
		long holding = jdbc.sql("select count(*) from direction where edition = ? and category = ? and status in "
				+ inList(HOLDING))
			.params(edition, category.name())
			.query(Long.class)
			.single();
		return new Places(quota, holding);
	}

	/**
	 * Directions to the top of the list not yet given one, up to the free places of the quota; returns those
	 * issued now (none when the quota is full).
	 */
	@Transactional
	public List<Direction> issue(String edition, Category category, String actor) {
		lock(edition, category);
		Places places = places(edition, category);
		int free = (int) Math.max(0, places.quota() - places.holding());
		if (free == 0) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		List<Direction> issued = new ArrayList<>();
		jdbc.sql("""
				select r.application_id, r.application_number, r.applicant_id, r.applicant_iin, r.applicant_name,
				       r.points
				from ranked_application r
				where r.edition = :edition and r.category = :category
				  and not exists (select 1 from direction d where d.application_id = r.application_id)
				order by -r.points, r.birth_date, r.application_number limit :free""")
			.param("edition", edition)
			.param("category", category.name())
			.param("free", free)
			.query((rs, row) -> candidate(rs))
			.list()
			.forEach(candidate -> issued.add(issueTo(candidate, edition, category, today, actor)));
		return issued;
	}

	private record Candidate(UUID applicationId, String applicationNumber, @Nullable String applicantId, String iin,
			String name, int points) {
	}

	private static Candidate candidate(ResultSet rs) throws SQLException {
		return new Candidate(rs.getObject("application_id", UUID.class), rs.getString("application_number"),
				rs.getString("applicant_id"), rs.getString("applicant_iin"), rs.getString("applicant_name"),
				rs.getInt("points"));
	}

	private Direction issueTo(Candidate candidate, String edition, Category category, LocalDate today, String actor) {
		UUID id = UUID.randomUUID();
		long serial = jdbc.sql("select nextval('direction_number')").query(Long.class).single();
		String number = "НП-%d-%06d".formatted(today.getYear(), serial);
		LocalDate deadline = workingDays.plusWorkingDays(today, settings.bankVisitWorkingDays());
		String code = "%08d".formatted(RANDOM.nextInt(100_000_000));
		int position = Math.toIntExact(lists.position(candidate.applicationId()).orElseThrow());
		jdbc.sql("""
				insert into direction (id, number, application_id, edition, category, status, position, points,
				                       verification_code, issued_on, visit_deadline, updated_at)
				values (?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?)""")
			.params(id, number, candidate.applicationId(), edition, category.name(), position, candidate.points(), code,
					Date.valueOf(today), Date.valueOf(deadline), Timestamp.from(Instant.now(clock)))
			.update();
		events.publishEvent(new DirectionIssued(UUID.randomUUID(), Instant.now(clock), id, number,
				candidate.applicationId(), candidate.applicationNumber(),
				candidate.applicantId() == null ? "" : candidate.applicantId(), candidate.name(), candidate.iin(),
				category.published(), position, candidate.points(), today, deadline, code));
		addStep(id, Step.Kind.ISSUED, today, deadline, null);
		audit.record(actor, "direction.issued", "direction/" + id, "%s to %s, position %d, visit the bank by %s"
			.formatted(number, candidate.applicationNumber(), position, deadline));
		return find(id).orElseThrow();
	}

	/**
	 * The bank's outcome (DOMAIN A2–A4). A failed qualification frees the place: the next in the list gets a
	 * direction in the same transaction.
	 */
	@Transactional
	public Direction record(UUID directionId, BankOutcome outcome, @Nullable String reason, String bankOfficer) {
		Direction direction = find(directionId).orElseThrow(NotFound::new);
		lock(direction.edition(), direction.category());
		direction = find(directionId).orElseThrow(NotFound::new); // as it is under the lock
		LocalDate today = LocalDate.now(clock);
		Status to = switch (outcome) {
			case VISITED -> step(direction, Set.of(Status.ISSUED), Status.VISITED, outcome.name());
			case QUALIFICATION_PASSED ->
				step(direction, Set.of(Status.ISSUED, Status.VISITED), Status.QUALIFIED, outcome.name());
			case QUALIFICATION_FAILED ->
				step(direction, Set.of(Status.ISSUED, Status.VISITED), Status.FAILED, outcome.name());
			case HOUSING_CHOSEN -> step(direction, Set.of(Status.QUALIFIED), Status.HOUSING_CHOSEN, outcome.name());
			case LOAN_ISSUED -> step(direction, Set.of(Status.HOUSING_CHOSEN), Status.LOAN_ISSUED, outcome.name());
		};
		LocalDate housingDeadline = to == Status.QUALIFIED ? today.plusDays(settings.housingDays())
				: direction.housingDeadline();
		jdbc.sql("""
				update direction set status = ?, housing_deadline = ?, closed_on = ?, reason = ?, updated_at = ?
				where id = ?""")
			.params(to.name(), housingDeadline == null ? null : Date.valueOf(housingDeadline),
					to == Status.FAILED || to == Status.LOAN_ISSUED ? Date.valueOf(today) : null, reason,
					Timestamp.from(Instant.now(clock)), directionId)
			.update();
		events.publishEvent(new BankOutcomeRecorded(UUID.randomUUID(), Instant.now(clock), directionId,
				direction.number(), direction.applicationId(), applicantOf(direction.applicationId()), outcome,
				housingDeadline, Instant.now(clock)));
		addStep(directionId, Step.Kind.valueOf(outcome.name()), today, to == Status.QUALIFIED ? housingDeadline : null,
				reason);
		audit.record(bankOfficer, "direction." + outcome.name().toLowerCase(Locale.ROOT),
				"direction/" + directionId, reason == null ? outcome.name() : reason);
		if (to == Status.FAILED) {
			issue(direction.edition(), direction.category(), "system: after " + direction.number() + " failed");
		}
		return find(directionId).orElseThrow();
	}

	/** The akimat annuls a direction (e.g. the applicant did not come, DOMAIN A2); the next in the list gets one. */
	@Transactional
	public Direction annul(UUID directionId, String reason, String officer) {
		Direction direction = find(directionId).orElseThrow(NotFound::new);
		lock(direction.edition(), direction.category());
		direction = find(directionId).orElseThrow(NotFound::new);
		step(direction, Set.of(Status.ISSUED, Status.VISITED, Status.QUALIFIED), Status.ANNULLED, "ANNULLED");
		LocalDate today = LocalDate.now(clock);
		close(directionId, Status.ANNULLED, today, reason);
		events.publishEvent(new DirectionAnnulled(UUID.randomUUID(), Instant.now(clock), directionId,
				direction.number(), direction.applicationId(), applicantOf(direction.applicationId()), reason, today));
		addStep(directionId, Step.Kind.ANNULLED, today, null, reason);
		audit.record(officer, "direction.annulled", "direction/" + directionId, reason);
		issue(direction.edition(), direction.category(), "system: after " + direction.number() + " was annulled");
		return find(directionId).orElseThrow();
	}

	/**
	 * DOMAIN A2, A4: a direction whose bank visit (still only issued) or housing choice (qualified) is past its
	 * deadline — the deadline day itself still counts — expires, and the next in the list gets one.
	 */
	@Scheduled(cron = "${scoring.directions.expire-cron}", zone = "Asia/Almaty")
	public void expireOverdue() {
		LocalDate today = LocalDate.now(clock);
		List<UUID> overdue = jdbc.sql("""
				select id from direction
				where status = 'ISSUED' and visit_deadline < :today
				   or status = 'QUALIFIED' and housing_deadline < :today""")
			.param("today", Date.valueOf(today))
			.query(UUID.class)
			.list();
		// each in its own transaction: one that fails leaves the others expired
		overdue.forEach(id -> transactions.executeWithoutResult(status -> expire(id)));
	}

	private void expire(UUID directionId) {
		Direction direction = find(directionId).orElseThrow(NotFound::new);
		lock(direction.edition(), direction.category());
		direction = find(directionId).orElseThrow(NotFound::new);
		LocalDate today = LocalDate.now(clock);
		LocalDate deadline = direction.status() == Status.QUALIFIED ? direction.housingDeadline()
				: direction.visitDeadline();
		if ((direction.status() != Status.ISSUED && direction.status() != Status.QUALIFIED) || deadline == null
				|| !deadline.isBefore(today)) {
			return; // changed since it was found overdue
		}
		close(directionId, Status.EXPIRED, today, "deadline " + deadline + " passed");
		events.publishEvent(new DirectionExpired(UUID.randomUUID(), Instant.now(clock), directionId,
				direction.number(), direction.applicationId(), applicantOf(direction.applicationId()), deadline,
				today));
		addStep(directionId, Step.Kind.EXPIRED, today, deadline, null);
		audit.record("system", "direction.expired", "direction/" + directionId, "deadline " + deadline + " passed");
		issue(direction.edition(), direction.category(), "system: after " + direction.number() + " expired");
	}

	public Optional<Direction> find(UUID directionId) {
		return jdbc.sql("select * from direction where id = ?").param(directionId).query(Directions::direction).optional();
	}

	/** The directions of a list, newest first (the bank's inbox and the akimat's view). */
	public List<Direction> ofList(String edition, Category category) {
		return jdbc.sql("select * from direction where edition = ? and category = ? order by issued_on desc, number desc")
			.params(edition, category.name())
			.query(Directions::direction)
			.list();
	}

	/** A direction with whom it is for and its history (the bank's and the akimat's card). */
	public Optional<Card> card(UUID directionId) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql(ENTRIES + " where d.id = ?")
			.param(directionId)
			.query((rs, row) -> entry(rs, today))
			.optional()
			.map(entry -> new Card(entry, steps(directionId)));
	}

	/**
	 * The bank's inbox across all lists: the nearest open deadline first, then by number; the decided ones last.
	 *
	 * @param statuses none for all
	 * @param number the one direction of this number (the letter a person brings), or any
	 */
	public List<Entry> inbox(Set<Status> statuses, @Nullable String number, int page, int size) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql(ENTRIES + inboxFilter(statuses, number)
				+ " order by deadline, d.number offset :offset limit :size")
			.param("statuses", statuses.stream().map(Status::name).toList())
			.param("number", number)
			.param("offset", (long) page * size)
			.param("size", size)
			.query((rs, row) -> entry(rs, today))
			.list();
	}

	/** How many directions the {@link #inbox} holds with the same filter. */
	public long inboxSize(Set<Status> statuses, @Nullable String number) {
		return jdbc.sql("select count(*) from direction d" + inboxFilter(statuses, number))
			.param("statuses", statuses.stream().map(Status::name).toList())
			.param("number", number)
			.query(Long.class)
			.single();
	}

	/** The directions of the person's applications (the token subject's), newest first, each with its history. */
	public List<Own> ofApplicant(String applicantId) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql(ENTRIES + " where r.applicant_id = ? order by d.issued_on desc, d.number desc")
			.param(applicantId)
			.query((rs, row) -> new Own(entry(rs, today), rs.getString("verification_code"), List.of()))
			.list()
			.stream()
			.map(own -> new Own(own.entry(), own.verificationCode(), steps(own.entry().direction().id())))
			.toList();
	}

	/** A direction's history, newest first. */
	public List<Step> steps(UUID directionId) {
		return jdbc.sql("select * from direction_step where direction_id = ? order by occurred_at desc, id desc")
			.param(directionId)
			.query((rs, row) -> {
				Date deadline = rs.getDate("deadline");
				return new Step(Step.Kind.valueOf(rs.getString("step")), rs.getTimestamp("occurred_at").toInstant(),
						rs.getDate("on_date").toLocalDate(), deadline == null ? null : deadline.toLocalDate(),
						rs.getString("reason"));
			})
			.list();
	}

	private void addStep(UUID directionId, Step.Kind step, LocalDate today, @Nullable LocalDate deadline,
			@Nullable String reason) {
		jdbc.sql("""
				insert into direction_step (direction_id, step, occurred_at, on_date, deadline, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(directionId, step.name(), Timestamp.from(Instant.now(clock)), Date.valueOf(today),
					deadline == null ? null : Date.valueOf(deadline), reason)
			.update();
	}

	private void close(UUID directionId, Status status, LocalDate today, String reason) {
		jdbc.sql("update direction set status = ?, closed_on = ?, reason = ?, updated_at = ? where id = ?")
			.params(status.name(), Date.valueOf(today), reason, Timestamp.from(Instant.now(clock)), directionId)
			.update();
	}

	private String applicantOf(UUID applicationId) {
		return jdbc.sql("select coalesce(applicant_id, '') from ranked_application where application_id = ?")
			.param(applicationId)
			.query(String.class)
			.single();
	}

	/** One list's changes one after the other, until the transaction ends. */
	private void lock(String edition, Category category) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 6))")
			.param(edition + "/" + category.name())
			.query((rs, row) -> 1)
			.single();
	}

	private static Status step(Direction direction, Set<Status> allowed, Status to, String step) {
		if (!allowed.contains(direction.status())) {
			throw new WrongStep(direction.number(), direction.status(), step);
		}
		return to;
	}

	private static String inList(Set<Status> statuses) {
		return statuses.stream().map(status -> "'" + status.name() + "'").sorted()
			.collect(Collectors.joining(", ", "(", ")"));
	}

	/** The deadline a direction is working towards now; V5's index {@code direction_inbox} is on this expression. */
	private static final String DEADLINE = """
			case when d.status in ('ISSUED', 'VISITED') then d.visit_deadline
			     when d.status = 'QUALIFIED' then d.housing_deadline end""";

	private static final String ENTRIES = """
			select d.*, r.applicant_name, r.applicant_iin, r.application_number, %s as deadline
			from direction d join ranked_application r on r.application_id = d.application_id""".formatted(DEADLINE);

	private static String inboxFilter(Set<Status> statuses, @Nullable String number) {
		return " where true" + (statuses.isEmpty() ? "" : " and d.status in (:statuses)")
				+ (number == null ? "" : " and d.number = :number");
	}

	private static Entry entry(ResultSet rs, LocalDate today) throws SQLException {
		Date deadline = rs.getDate("deadline");
		return new Entry(direction(rs, 0), rs.getString("applicant_name"), rs.getString("applicant_iin"),
				rs.getString("application_number"), deadline == null ? null : deadline.toLocalDate(),
				deadline == null ? null : (int) ChronoUnit.DAYS.between(today, deadline.toLocalDate()));
	}

	private static Direction direction(ResultSet rs, int row) throws SQLException {
		Date housing = rs.getDate("housing_deadline");
		return new Direction(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("application_id", UUID.class), rs.getString("edition"),
				Category.valueOf(rs.getString("category")), Status.valueOf(rs.getString("status")),
				rs.getInt("position"), rs.getInt("points"), rs.getDate("issued_on").toLocalDate(),
				rs.getDate("visit_deadline").toLocalDate(), housing == null ? null : housing.toLocalDate(),
				rs.getString("reason"));
	}
}
