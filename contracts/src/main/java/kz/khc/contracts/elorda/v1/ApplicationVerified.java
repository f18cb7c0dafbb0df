package kz.khc.contracts.elorda.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * Akimat staff verified an application and found it complete and eligible (DOMAIN A1); it now takes part in the
 * ranked list of its category.
 *
 * @param applicantId the applicant's user id at the identity provider
 * @param points the points the application scored (DOMAIN S1–S3)
 */
public record ApplicationVerified(UUID eventId, Instant occurredAt, UUID applicationId, String applicationNumber,
		String applicantId, ProgrammeCategory category, int points, Instant verifiedAt) implements IntegrationEvent {

	public static final String TOPIC = "elorda.application-verified.v1";

	@Override
	public String aggregateId() {
		return applicationId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
