package kz.khc.contracts.identity.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * A client confirmed their email address through the link sent to it (DOMAIN I4).
 *
 * @param userId the user's id at the identity provider (the token subject)
 * @param accountNumber the client's account number («лицевой счет»)
 */
public record EmailVerified(UUID eventId, Instant occurredAt, String userId, String accountNumber, String email,
		Instant verifiedAt) implements IntegrationEvent {

	public static final String TOPIC = "identity.email-verified.v1";

	@Override
	public String aggregateId() {
		return userId;
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
