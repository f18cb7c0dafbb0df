package kz.khc.contracts.elorda.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * Akimat staff rejected an application after verification (DOMAIN A1).
 *
 * @param applicantId the applicant's user id at the identity provider
 * @param reasonCode the rule that failed ({@code E1}…{@code E8}, {@code DOCUMENTS}, …)
 * @param reason the officer's explanation, in the language the officer wrote it
 */
public record ApplicationRejected(UUID eventId, Instant occurredAt, UUID applicationId, String applicationNumber,
		String applicantId, ProgrammeCategory category, String reasonCode, String reason, Instant rejectedAt)
		implements IntegrationEvent {

	public static final String TOPIC = "elorda.application-rejected.v1";

	@Override
	public String aggregateId() {
		return applicationId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
