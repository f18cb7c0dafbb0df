package kz.khc.elorda.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.khc.contracts.ContactDetails;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.elorda.audit.AuditTrail;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes applications in: stores them, audits and publishes {@code ApplicationSubmitted}, all in one transaction. */
@Service
class ApplicationIntake {

	private static final Logger log = LoggerFactory.getLogger(ApplicationIntake.class);

	private final Applications applications;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApplicationIntake(Applications applications, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Application submit(String applicantId, @Nullable String applicantIin, ContactDetails contact,
			ProgrammeCategory category) {
		Instant now = Instant.now(clock);
		Application application = Application.submit(UUID.randomUUID(),
				applications.nextNumber(LocalDate.now(clock)), applicantId, category, now);
		applications.add(application);
		audit.record(applicantId, "application.submitted", "application/" + application.id(),
				"submitted by the applicant in category " + category);
		events.publishEvent(application.submitted(applicantIin, contact));
		log.info("Application {} submitted in category {}", application.number(), category);
		return application;
	}
}
