package kz.khc.contracts.elorda.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.ContactDetails;
import kz.khc.contracts.IntegrationEvent;

import org.jspecify.annotations.Nullable;

/**
 * An applicant submitted an application to the Elorda Zhastary programme; it can no longer be changed.
 *
 * @param applicationNumber the number staff and the applicant see, unique per programme
 * @param applicantId the applicant's user id at the identity provider (the token subject); optional in v1
 * @param applicantIin the applicant's IIN; optional in v1
 * @param contact how the applicant asked to be reached; optional in v1
 * @param facts what the scoring service assesses; optional in v1 (an application without them is counted, not
 * assessed)
 */
public record ApplicationSubmitted(UUID eventId, Instant occurredAt, UUID applicationId, String applicationNumber,
		ProgrammeCategory category, Instant submittedAt, @Nullable String applicantId, @Nullable String applicantIin,
		@Nullable ContactDetails contact, @Nullable ApplicationFacts facts) implements IntegrationEvent {

	public static final String TOPIC = "elorda.application-submitted.v1";

	@Override
	public String aggregateId() {
		return applicationId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
