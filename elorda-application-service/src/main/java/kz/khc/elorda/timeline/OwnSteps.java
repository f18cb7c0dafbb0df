package kz.khc.elorda.timeline;

import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake's own steps, from the integration events it publishes: heard synchronously, in the transaction of the
 * change that published them, so the step and the change commit or roll back together — and this feature needs to
 * know nothing of how an application is submitted or verified.
 */
@Component
class OwnSteps {

	private static final Logger log = LoggerFactory.getLogger(OwnSteps.class);

	private final Steps steps;

	OwnSteps(Steps steps) {
		this.steps = steps;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ApplicationSubmitted event) {
		if (event.applicantId() == null) {
			log.warn("Application {} carries no applicant: no timeline", event.applicationNumber());
			return;
		}
		steps.follow(new Steps.Timeline(event.applicationId(), event.applicantId(), event.applicationNumber()));
		steps.add(new Step(event.applicationId(), Step.Kind.SUBMITTED, event.submittedAt(),
				new Step.Details.Submitted(event.applicationNumber(), event.category())), event.eventId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ApplicationVerified event) {
		steps.follow(new Steps.Timeline(event.applicationId(), event.applicantId(), event.applicationNumber()));
		steps.add(new Step(event.applicationId(), Step.Kind.VERIFIED, event.verifiedAt(),
				new Step.Details.Verified(event.applicationNumber(), event.category(), event.points())),
				event.eventId());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ApplicationRejected event) {
		steps.follow(new Steps.Timeline(event.applicationId(), event.applicantId(), event.applicationNumber()));
		steps.add(new Step(event.applicationId(), Step.Kind.REJECTED, event.rejectedAt(),
				new Step.Details.Rejected(event.applicationNumber(), event.reasonCode(), event.reason())),
				event.eventId());
	}
}
