package kz.khc.elorda.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.elorda.audit.AuditTrail;
import kz.khc.elorda.editions.Editions;
import kz.khc.workingdays.WorkingDayCalendar;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's decisions on submitted applications and the deadline to make them (DOMAIN A1). A decision is taken once:
 * the application's status moves from {@code SUBMITTED} in one conditional update, so of two officers deciding at
 * once exactly one wins; the decision is stored, audited and published in that transaction.
 * <p>
 * For other features: {@link #forStaff} and {@link #forApplicant} say what to show beside an application.
 */
@Service
public class Verifications {

	private static final Logger log = LoggerFactory.getLogger(Verifications.class);

	private final Submissions submissions;
	private final Decisions decisions;
	private final Editions editions;
	private final WorkingDayCalendar calendar;
	private final VerificationProperties properties;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final AssessedPoints points;
	private final MessageSource messages;
	private final Clock clock;

	Verifications(Submissions submissions, Decisions decisions, Editions editions, WorkingDayCalendar calendar,
			VerificationProperties properties, AuditTrail audit, ApplicationEventPublisher events,
			AssessedPoints points, MessageSource messages, Clock clock) {
		this.submissions = submissions;
		this.decisions = decisions;
		this.editions = editions;
		this.calendar = calendar;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.points = points;
		this.messages = messages;
		this.clock = clock;
	}

	/** No such application for staff: none at all, or a draft (staff never see drafts). */
	static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}

	/** The application was decided already: by this decision (null only for one decided before decisions were kept). */
	static final class AlreadyDecided extends RuntimeException {

		final String number;
		final @Nullable Decision decision;

		AlreadyDecided(String number, @Nullable Decision decision) {
			super(null, null, false, false);
			this.number = number;
			this.decision = decision;
		}
	}

	/** A decision just taken on the application of this number. */
	record Taken(String applicationNumber, Decision decision) {
	}

	/** Complete and eligible: the application takes part in its category's list. */
	@Transactional
	Taken verify(UUID applicationId, Officer officer, @Nullable RejectionReason reasonCode,
			@Nullable String comment) {
		Submissions.Submission application = submissions.find(applicationId).orElseThrow(NotFound::new);
		Decision decision = decide(application, Outcome.VERIFIED, officer, reasonCode, comment);
		int score = points.of(applicationId).orElse(0);
		events.publishEvent(new ApplicationVerified(UUID.randomUUID(), decision.decidedAt(), applicationId,
				application.number(), application.applicantId(), application.category(), score,
				decision.decidedAt()));
		return new Taken(application.number(), decision);
	}

	/** Refused: the reason code and the comment go to the applicant. */
	@Transactional
	Taken reject(UUID applicationId, Officer officer, RejectionReason reasonCode, String comment) {
		Submissions.Submission application = submissions.find(applicationId).orElseThrow(NotFound::new);
		Decision decision = decide(application, Outcome.REJECTED, officer, reasonCode, comment);
		events.publishEvent(new ApplicationRejected(UUID.randomUUID(), decision.decidedAt(), applicationId,
				application.number(), application.applicantId(), application.category(), reasonCode.name(), comment,
				decision.decidedAt()));
		return new Taken(application.number(), decision);
	}

	private Decision decide(Submissions.Submission application, Outcome outcome, Officer officer,
			@Nullable RejectionReason reasonCode, @Nullable String comment) {
		Instant now = Instant.now(clock);
		if (!submissions.decide(application.id(), outcome, now)) {
			// the other officer's transaction has committed by now: the update waited for its row lock
			throw new AlreadyDecided(application.number(), decisions.of(application.id()).orElse(null));
		}
		Decision decision = new Decision(application.id(), outcome, now, officer, reasonCode, comment);
		decisions.add(decision);
		audit.record(officer.subject(), "application." + outcome.name().toLowerCase(Locale.ROOT),
				"application/" + application.id(), "%s %s by %s%s%s".formatted(application.number(),
						outcome.name().toLowerCase(Locale.ROOT), officer.username(),
						reasonCode == null ? "" : ", reason " + reasonCode.name(),
						comment == null ? "" : ": " + comment));
		log.info("Application {} {} by {}", application.number(), outcome, officer.subject());
		return decision;
	}

	/**
	 * An application as staff list or open it.
	 *
	 * @param editionId the edition it was submitted in
	 */
	public record Subject(UUID applicationId, String editionId) {
	}

	/**
	 * What staff see beside each of these applications: the decision with the officer, or the deadline with the
	 * working days left; the deadline of a decided one too, without the countdown.
	 */
	public Map<UUID, VerificationView> forStaff(List<Subject> applications, Locale locale) {
		Map<UUID, Decision> decided = decisions.of(applications.stream().map(Subject::applicationId).toList());
		LocalDate today = LocalDate.ofInstant(Instant.now(clock), VerificationDeadline.ALMATY);
		Map<String, Optional<LocalDate>> deadlines = new HashMap<>();
		Map<UUID, VerificationView> views = new HashMap<>();
		for (Subject application : applications) {
			Decision decision = decided.get(application.applicationId());
			LocalDate deadline = deadlines.computeIfAbsent(application.editionId(), this::deadline).orElse(null);
			Long left = deadline == null || decision != null ? null : workingDaysLeft(deadline, today);
			views.put(application.applicationId(),
					new VerificationView(decision == null ? null : view(decision, true, locale), deadline, left,
							left == null ? null : today.isAfter(deadline)));
		}
		return views;
	}

	/** What the applicant sees: the decision once there is one, without the officer; none before. */
	public Optional<VerificationView> forApplicant(UUID applicationId, Locale locale) {
		return decisions.of(applicationId).map(decision -> new VerificationView(view(decision, false, locale), null,
				null, null));
	}

	/** The deadline of an edition's applications, if the calendar covers it. */
	Optional<LocalDate> deadline(String editionId) {
		return editions.find(editionId).flatMap(edition -> {
			try {
				return Optional.of(VerificationDeadline.of(edition.closesAt(), properties.workingDays(), calendar));
			}
			catch (IllegalArgumentException outsideTheCalendar) {
				return Optional.empty();
			}
		});
	}

	private @Nullable Long workingDaysLeft(LocalDate deadline, LocalDate today) {
		try {
			return VerificationDeadline.workingDaysLeft(deadline, today, calendar);
		}
		catch (IllegalArgumentException outsideTheCalendar) {
			return null;
		}
	}

	VerificationView.DecisionView view(Decision decision, boolean staff, Locale locale) {
		boolean reasoned = staff || decision.outcome() == Outcome.REJECTED;
		RejectionReason reason = reasoned ? decision.reasonCode() : null;
		return new VerificationView.DecisionView(decision.outcome(), decision.decidedAt(),
				staff ? decision.decidedBy() : null, reason,
				reason == null ? null : reason.localizedName(messages, locale), reasoned ? decision.comment() : null);
	}

	String outcomeName(Outcome outcome, Locale locale) {
		return messages.getMessage(outcome.messageKey(), null, outcome.name(), locale);
	}
}
