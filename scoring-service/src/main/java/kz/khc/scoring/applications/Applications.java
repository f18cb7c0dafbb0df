package kz.khc.scoring.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ApplicationFacts;
import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.contracts.scoring.v1.ApplicationAssessed;
import kz.khc.scoring.audit.AuditTrail;
import kz.khc.scoring.ranking.RankedLists;
import kz.khc.scoring.rules.Assessment;
import kz.khc.scoring.rules.Facts;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.scoring.rules.Programmes;
import kz.khc.scoring.rules.Programmes.RulesText;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Elorda Zhastary applications as the intake reports them. A submission is assessed once, as of its submission date,
 * by the rules now in effect; the facts, the outcome and the rules text are kept, so the decision can be reproduced
 * and explained later in any language. An application is ranked when it is both assessed eligible and verified by
 * the akimat, whichever of the two events comes first.
 */
@Service
public class Applications {

	static final String PROGRAMME = "elorda-zhastary";
	/** The stored outcome has no texts; the engine needs a language to make them. */
	private static final Locale STORED = Locale.of("ru");

	private static final Logger log = LoggerFactory.getLogger(Applications.class);

	private final JdbcClient jdbc;
	private final Programmes programmes;
	private final RankedLists lists;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	Applications(JdbcClient jdbc, Programmes programmes, RankedLists lists, AuditTrail audit,
			ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.lists = lists;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** What an assessment is kept as: the outcome and what each rule looked at, without the sentences. */
	record Outcome(List<Criterion> criteria, List<Points> breakdown) {

		record Criterion(String code, boolean passed, Map<String, Object> inputs) {
		}

		record Points(String code, int points, Map<String, Object> inputs) {
		}

		static Outcome of(Assessment assessment) {
			return new Outcome(
					assessment.criteria()
						.stream()
						.map(criterion -> new Criterion(criterion.code(), criterion.passed(), criterion.inputs()))
						.toList(),
					assessment.breakdown()
						.stream()
						.map(points -> new Points(points.code(), points.points(), points.inputs()))
						.toList());
		}

		/** The same decision: the same criteria passed and failed, the same points for the same rules. */
		boolean decides(Assessment assessment) {
			Outcome other = of(assessment);
			return criteria.stream().map(c -> c.code() + c.passed()).toList()
				.equals(other.criteria.stream().map(c -> c.code() + c.passed()).toList())
					&& breakdown.stream().map(p -> p.code() + p.points()).toList()
						.equals(other.breakdown.stream().map(p -> p.code() + p.points()).toList());
		}
	}

	@Transactional
	public void submitted(ApplicationSubmitted event) {
		Category category = Category.of(event.category());
		ApplicationFacts given = event.facts();
		int added = jdbc.sql("""
				insert into application (application_id, application_number, applicant_id, applicant_name, category,
				                         submitted_at)
				values (:id, :number, :applicant, :name, :category, :submittedAt)
				on conflict (application_id) do update
				set submitted_at = excluded.submitted_at, applicant_name = excluded.applicant_name,
				    applicant_id = coalesce(application.applicant_id, excluded.applicant_id)
				where application.submitted_at is null""")
			.param("id", event.applicationId())
			.param("number", event.applicationNumber())
			.param("applicant", event.applicantId())
			.param("name", given == null ? null : given.applicant().fullName())
			.param("category", category.name())
			.param("submittedAt", Timestamp.from(event.submittedAt()))
			.update();
		if (added == 0) {
			log.info("Application {} was submitted before; its first assessment stands", event.applicationNumber());
			return;
		}
		if (given == null) {
			notAssessed(event, "the event carries no facts");
			return;
		}
		Facts facts = SubmittedFacts.of(event, given, clock.getZone());
		RulesText rules = programmes.rules(PROGRAMME);
		Assessment assessment;
		try {
			assessment = programmes.assess(rules, facts, STORED);
		}
		catch (Programmes.NoEdition ex) {
			notAssessed(event, "no edition of " + PROGRAMME + " on " + facts.submissionDate());
			return;
		}
		Instant now = Instant.now(clock);
		jdbc.sql("""
				insert into rules_version (version, programme, text, first_used_at) values (?, ?, ?, ?)
				on conflict (version) do nothing""")
			.params(rules.version(), rules.programme(), rules.text(), Timestamp.from(now))
			.update();
		jdbc.sql("""
				update application
				set facts = cast(:facts as jsonb), programme = :programme, edition = :edition, rules_version = :rules,
				    eligible = :eligible, points = :points, outcome = cast(:outcome as jsonb), assessed_at = :now
				where application_id = :id""")
			.param("facts", json.writeValueAsString(facts))
			.param("programme", PROGRAMME)
			.param("edition", assessment.edition())
			.param("rules", assessment.rulesVersion())
			.param("eligible", assessment.eligible())
			.param("points", assessment.points())
			.param("outcome", json.writeValueAsString(Outcome.of(assessment)))
			.param("now", Timestamp.from(now))
			.param("id", event.applicationId())
			.update();
		events.publishEvent(new ApplicationAssessed(UUID.randomUUID(), now, event.applicationId(),
				event.applicationNumber(), event.applicantId(), PROGRAMME, assessment.edition(), event.category(),
				facts.submissionDate(), assessment.eligible(),
				assessment.criteria()
					.stream()
					.map(criterion -> new ApplicationAssessed.Criterion(criterion.code(), criterion.passed()))
					.toList(),
				assessment.points(),
				assessment.breakdown()
					.stream()
					.map(points -> new ApplicationAssessed.Points(points.code(), points.points()))
					.toList(),
				assessment.rulesVersion()));
		log.info("Application {} assessed: {}, {} points", event.applicationNumber(),
				assessment.eligible() ? "eligible" : "not eligible", assessment.points());
		audit.record("system", "application.assessed", subject(event.applicationId()),
				"%s %s, %d points, rules %s".formatted(PROGRAMME, assessment.edition(),
						assessment.points(), assessment.rulesVersion())
						+ (assessment.eligible() ? ", eligible" : ", not eligible: " + failed(assessment)));
		rankIfReady(event.applicationId());
	}

	@Transactional
	public void verified(ApplicationVerified event) {
		jdbc.sql("""
				insert into application (application_id, application_number, applicant_id, category, verified_at)
				values (:id, :number, :applicant, :category, :verifiedAt)
				on conflict (application_id) do update
				set verified_at = coalesce(application.verified_at, excluded.verified_at)""")
			.param("id", event.applicationId())
			.param("number", event.applicationNumber())
			.param("applicant", event.applicantId())
			.param("category", Category.of(event.category()).name())
			.param("verifiedAt", Timestamp.from(event.verifiedAt()))
			.update();
		rankIfReady(event.applicationId());
	}

	@Transactional
	public void rejected(ApplicationRejected event) {
		jdbc.sql("""
				insert into application (application_id, application_number, applicant_id, category, rejected_at,
				                         rejection_code)
				values (:id, :number, :applicant, :category, :rejectedAt, :code)
				on conflict (application_id) do update
				set rejected_at = excluded.rejected_at, rejection_code = excluded.rejection_code""")
			.param("id", event.applicationId())
			.param("number", event.applicationNumber())
			.param("applicant", event.applicantId())
			.param("category", Category.of(event.category()).name())
			.param("rejectedAt", Timestamp.from(event.rejectedAt()))
			.param("code", event.reasonCode())
			.update();
	}

	private void notAssessed(ApplicationSubmitted event, String why) {
		jdbc.sql("update application set not_assessed = ? where application_id = ?")
			.params(why, event.applicationId())
			.update();
		audit.record("system", "application.not-assessed", subject(event.applicationId()), why);
		log.warn("Application {} not assessed: {}", event.applicationNumber(), why);
	}

	/** Ranks an application verified and assessed eligible, once; says why when verified but not eligible. */
	private void rankIfReady(UUID applicationId) {
		Stored stored = find(applicationId).orElseThrow();
		if (stored.verifiedAt() == null || stored.rankedAt() != null || stored.rejectedAt() != null) {
			return;
		}
		if (stored.facts() == null) {
			if (stored.notAssessed() != null) {
				audit.record("system", "application.not-ranked", subject(applicationId),
						"verified, but not assessed: " + stored.notAssessed());
			}
			return; // the submission is still to come
		}
		Assessment assessment = assessment(stored, STORED);
		if (!assessment.eligible()) {
			audit.record("system", "application.not-ranked", subject(applicationId),
					"verified, but assessed not eligible: " + failed(assessment));
			log.warn("Application {} verified, but assessed not eligible ({}): not ranked", stored.number(),
					failed(assessment));
			return;
		}
		Facts facts = stored.facts();
		long position = lists.place(new RankedLists.Entry(applicationId, stored.number(), stored.applicantId(),
				facts.applicant().iin(), facts.applicant().birthDate(),
				RankedLists.list(stored.programme(), stored.edition()), stored.category(), stored.points(),
				stored.rulesVersion(), stored.applicantName() == null ? "" : stored.applicantName()),
				Instant.now(clock));
		jdbc.sql("update application set ranked_at = ? where application_id = ?")
			.params(Timestamp.from(Instant.now(clock)), applicationId)
			.update();
		audit.record("system", "application.ranked", subject(applicationId), "%s %s, %d points, position %d"
			.formatted(RankedLists.list(stored.programme(), stored.edition()), stored.category(), stored.points(),
					position));
	}

	/**
	 * An application with what scoring decided about it.
	 *
	 * @param assessment in the asked language, made again from the kept facts and rules text; null if there is none
	 * @param reproduced whether that made again decides as the kept outcome did (it must: the rules are data with a
	 * version)
	 */
	public record View(UUID applicationId, String applicationNumber, Category category, @Nullable Instant submittedAt,
			@Nullable Facts facts, @Nullable Assessment assessment, boolean reproduced, @Nullable String notAssessed,
			@Nullable Instant verifiedAt, @Nullable Instant rejectedAt, @Nullable String rejectionCode,
			@Nullable Instant rankedAt) {
	}

	public Optional<View> view(UUID applicationId, Locale language) {
		return find(applicationId).map(stored -> view(stored, language));
	}

	/** The citizen's own applications, newest first. */
	public List<View> ofApplicant(String applicantId, Locale language) {
		return jdbc.sql("select a.*, r.text as rules_text from application a"
				+ " left join rules_version r on r.version = a.rules_version"
				+ " where a.applicant_id = ? order by a.submitted_at desc nulls last")
			.param(applicantId)
			.query(this::stored)
			.list()
			.stream()
			.map(stored -> view(stored, language))
			.toList();
	}

	private Optional<Stored> find(UUID applicationId) {
		return jdbc.sql("select a.*, r.text as rules_text from application a"
				+ " left join rules_version r on r.version = a.rules_version where a.application_id = ?")
			.param(applicationId)
			.query(this::stored)
			.optional();
	}

	private record Stored(UUID applicationId, String number, @Nullable String applicantId,
			@Nullable String applicantName, Category category, @Nullable Instant submittedAt, @Nullable Facts facts,
			@Nullable String programme, @Nullable String edition, @Nullable String rulesVersion,
			@Nullable String rulesText, int points, @Nullable Outcome outcome, @Nullable String notAssessed,
			@Nullable Instant verifiedAt, @Nullable Instant rejectedAt, @Nullable String rejectionCode,
			@Nullable Instant rankedAt) {
	}

	/** The kept assessment made again, in {@code language}; call only for an assessed application. */
	private Assessment assessment(Stored stored, Locale language) {
		return programmes.assess(new RulesText(stored.programme(), stored.rulesVersion(), stored.rulesText()),
				stored.facts(), language);
	}

	private View view(Stored stored, Locale language) {
		Assessment assessment = stored.facts() == null ? null : assessment(stored, language);
		return new View(stored.applicationId(), stored.number(), stored.category(), stored.submittedAt(),
				stored.facts(), assessment,
				assessment != null && stored.outcome() != null && stored.outcome().decides(assessment),
				stored.notAssessed(), stored.verifiedAt(), stored.rejectedAt(), stored.rejectionCode(),
				stored.rankedAt());
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		String facts = rs.getString("facts");
		String outcome = rs.getString("outcome");
		return new Stored(rs.getObject("application_id", UUID.class), rs.getString("application_number"),
				rs.getString("applicant_id"), rs.getString("applicant_name"), Category.valueOf(rs.getString("category")),
				instant(rs, "submitted_at"), facts == null ? null : json.readValue(facts, Facts.class),
				rs.getString("programme"), rs.getString("edition"), rs.getString("rules_version"),
				rs.getString("rules_text"), rs.getInt("points"),
				outcome == null ? null : json.readValue(outcome, Outcome.class), rs.getString("not_assessed"),
				instant(rs, "verified_at"), instant(rs, "rejected_at"), rs.getString("rejection_code"),
				instant(rs, "ranked_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static String failed(Assessment assessment) {
		return String.join(", ", assessment.criteria()
			.stream()
			.filter(criterion -> !criterion.passed())
			.map(Assessment.Criterion::code)
			.toList());
	}

	private static String subject(UUID applicationId) {
		return "application/" + applicationId;
	}
}
