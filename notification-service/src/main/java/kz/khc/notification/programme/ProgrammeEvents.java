package kz.khc.notification.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.contracts.scoring.v1.BankOutcomeRecorded;
import kz.khc.contracts.scoring.v1.DirectionAnnulled;
import kz.khc.contracts.scoring.v1.DirectionExpired;
import kz.khc.contracts.scoring.v1.DirectionIssued;
import kz.khc.notification.contacts.ContactBook;
import kz.khc.notification.messages.MessageKind;
import kz.khc.notification.messages.Notifications;
import kz.khc.notification.messages.Outgoing;
import kz.khc.notification.messages.Templates;
import kz.khc.notification.messaging.IncomingEvents;
import kz.khc.workingdays.WorkingDayCalendar;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static kz.khc.notification.messages.MessageKind.BANK_VISIT_REMINDER;
import static kz.khc.notification.messages.MessageKind.HOUSING_REMINDER;

/**
 * What the applicants of Elorda Zhastary are told, from the intake's and the scoring's events: the application
 * received, verified or rejected (DOMAIN A1); the direction with its letter (A1, A2), a reminder three working days
 * before each deadline, expiry and annulment; the bank's outcomes (A3, A4). Each event is handled once, in one
 * transaction with the notifications it makes.
 */
@Component
class ProgrammeEvents {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeEvents.class);
	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	private static final Set<MessageKind> REMINDERS = EnumSet.of(BANK_VISIT_REMINDER, HOUSING_REMINDER);

	private final Notifications notifications;
	private final ContactBook contacts;
	private final IncomingEvents events;
	private final WorkingDayCalendar calendar;
	private final Settings settings;
	private final Templates templates;
	private final Clock clock;

	ProgrammeEvents(Notifications notifications, ContactBook contacts, IncomingEvents events,
			WorkingDayCalendar calendar, Settings settings, Templates templates, Clock clock) {
		this.notifications = notifications;
		this.contacts = contacts;
		this.events = events;
		this.calendar = calendar;
		this.settings = settings;
		this.templates = templates;
		this.clock = clock;
	}

	@KafkaListener(topics = { ApplicationSubmitted.TOPIC, ApplicationVerified.TOPIC, ApplicationRejected.TOPIC,
			DirectionIssued.TOPIC, DirectionExpired.TOPIC, DirectionAnnulled.TOPIC, BankOutcomeRecorded.TOPIC })
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		switch (record.topic()) {
			case ApplicationSubmitted.TOPIC -> events.once(record, ApplicationSubmitted.class, this::submitted);
			case ApplicationVerified.TOPIC -> events.once(record, ApplicationVerified.class,
					event -> notifications.send(Outgoing.of(event.applicantId(), MessageKind.APPLICATION_VERIFIED,
							event.eventId().toString(), event.applicationNumber(), event.category(), event.points())));
			case ApplicationRejected.TOPIC -> events.once(record, ApplicationRejected.class,
					event -> notifications.send(Outgoing.of(event.applicantId(), MessageKind.APPLICATION_REJECTED,
							event.eventId().toString(), event.applicationNumber(), event.reasonCode(), event.reason())));
			case DirectionIssued.TOPIC -> events.once(record, DirectionIssued.class, this::issued);
			case DirectionExpired.TOPIC -> events.once(record, DirectionExpired.class, event -> {
				cancelReminders(event.directionId().toString(), REMINDERS, "expired");
				notifications.send(Outgoing.of(event.applicantId(), MessageKind.DIRECTION_EXPIRED,
						event.eventId().toString(), event.directionNumber(), event.deadline()));
			});
			case DirectionAnnulled.TOPIC -> events.once(record, DirectionAnnulled.class, event -> {
				cancelReminders(event.directionId().toString(), REMINDERS, "annulled");
				notifications.send(Outgoing.of(event.applicantId(), MessageKind.DIRECTION_ANNULLED,
						event.eventId().toString(), event.directionNumber(), event.reason()));
			});
			case BankOutcomeRecorded.TOPIC -> events.once(record, BankOutcomeRecorded.class, this::bankOutcome);
			default -> throw new IllegalArgumentException("not a programme topic: " + record.topic());
		}
	}

	private void submitted(ApplicationSubmitted event) {
		if (event.applicantId() == null) {
			log.warn("Application {} carries no applicant id: nobody to notify", event.applicationNumber());
			return;
		}
		contacts.learn(event.applicantId(), event.applicantIin(), event.contact());
		notifications.send(Outgoing
			.of(event.applicantId(), MessageKind.APPLICATION_RECEIVED, event.eventId().toString(),
					event.applicationNumber(), event.category(), event.submittedAt())
			.languageHint(event.contact() == null ? null : event.contact().language()));
	}

	private void issued(DirectionIssued event) {
		String direction = correlation(event.directionId().toString());
		notifications.send(Outgoing
			.of(event.applicantId(), MessageKind.DIRECTION_ISSUED, event.eventId().toString(),
					event.directionNumber(), event.bankVisitDeadline(), event.position(), event.category(),
					event.points(), event.verificationCode())
			.correlatedWith(direction)
			.attach(locale -> letter(event, locale)));
		remind(event.applicantId(), BANK_VISIT_REMINDER, event.eventId() + ":reminder", direction,
				event.directionNumber(), event.bankVisitDeadline());
	}

	private void bankOutcome(BankOutcomeRecorded event) {
		String directionId = event.directionId().toString();
		String source = event.eventId().toString();
		switch (event.outcome()) {
			case VISITED -> cancelReminders(directionId, Set.of(BANK_VISIT_REMINDER), "the applicant came to the bank");
			case QUALIFICATION_PASSED -> {
				cancelReminders(directionId, Set.of(BANK_VISIT_REMINDER), "qualification passed");
				notifications.send(Outgoing.of(event.applicantId(), MessageKind.QUALIFICATION_PASSED, source,
						event.directionNumber(), event.housingDeadline()).correlatedWith(correlation(directionId)));
				if (event.housingDeadline() != null) {
					remind(event.applicantId(), HOUSING_REMINDER, source + ":reminder", correlation(directionId),
							event.directionNumber(), event.housingDeadline());
				}
			}
			case QUALIFICATION_FAILED -> {
				cancelReminders(directionId, REMINDERS, "qualification failed");
				notifications.send(Outgoing.of(event.applicantId(), MessageKind.QUALIFICATION_FAILED, source,
						event.directionNumber()));
			}
			case HOUSING_CHOSEN -> cancelReminders(directionId, Set.of(HOUSING_REMINDER), "housing documents brought");
			case LOAN_ISSUED -> {
				cancelReminders(directionId, REMINDERS, "loan issued");
				notifications.send(Outgoing.of(event.applicantId(), MessageKind.LOAN_ISSUED, source,
						event.directionNumber()));
			}
		}
	}

	/**
	 * A reminder due the configured number of working days before the deadline, at the configured time in
	 * Asia/Almaty; none if the deadline has passed, at once if the reminder's day has.
	 */
	private void remind(String personId, MessageKind kind, String source, String correlation, String directionNumber,
			LocalDate deadline) {
		if (LocalDate.now(clock.withZone(ALMATY)).isAfter(deadline)) {
			return;
		}
		LocalDate day = calendar.plusWorkingDays(deadline, -settings.reminderWorkingDaysBefore());
		Instant due = day.atTime(settings.reminderAt()).atZone(ALMATY).toInstant();
		notifications.send(Outgoing.of(personId, kind, source, directionNumber, deadline)
			.correlatedWith(correlation)
			.due(due));
	}

	private void cancelReminders(String directionId, Set<MessageKind> reminders, String reason) {
		notifications.cancel(correlation(directionId), reminders, reason);
	}

	private static String correlation(String directionId) {
		return "direction/" + directionId;
	}

	private Outgoing.Attachment letter(DirectionIssued event, Locale locale) {
		var content = new DirectionLetter.Content(event.applicantName(), event.applicantIin(),
				event.directionNumber(), event.applicationNumber(), templates.category(event.category(), locale),
				event.position(), event.points(), event.issuedOn(), event.bankVisitDeadline(), event.verificationCode(),
				settings.letterVerificationUrl());
		return new Outgoing.Attachment(DirectionLetter.fileName(content, locale), "application/pdf",
				DirectionLetter.render(content, locale));
	}

	/**
	 * @param reminderWorkingDaysBefore how many working days before a deadline the reminder goes out
	 * @param reminderAt the time of day (Asia/Almaty) it goes out
	 * @param letterVerificationUrl where the bank checks a direction letter by its code
	 */
	@ConfigurationProperties("notifications.programme")
	record Settings(int reminderWorkingDaysBefore, LocalTime reminderAt, String letterVerificationUrl) {
	}
}
