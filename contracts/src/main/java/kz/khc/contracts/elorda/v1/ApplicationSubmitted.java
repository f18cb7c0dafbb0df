package kz.khc.contracts.elorda.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * An applicant submitted an application to the Elorda Zhastary programme; it can no longer be changed.
 *
 * @param applicationNumber the number staff and the applicant see, unique per programme
 */
public record ApplicationSubmitted(UUID eventId, Instant occurredAt, UUID applicationId, String applicationNumber,
		ProgrammeCategory category, Instant submittedAt) implements IntegrationEvent {

	public static final String TOPIC = "elorda.application-submitted.v1";

	@Override
	public String aggregateId() {
		return applicationId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	@Override
	public int schemaVersion() {
		return 1;
	}
}
