package kz.khc.contracts.identity.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * A client entered an email address in the profile; a letter with a single-use confirmation link must reach it
 * (DOMAIN I4).
 *
 * @param accountNumber the client's account number («лицевой счет»): the cabinet shows the new address unconfirmed
 * @param verificationUrl the signed link; it is a credential until {@code expiresAt}, so consumers must not keep it
 * after use
 */
public record EmailVerificationRequested(UUID eventId, Instant occurredAt, String userId, String accountNumber,
		String email, String verificationUrl, Instant expiresAt, String language) implements IntegrationEvent {

	public static final String TOPIC = "identity.email-verification-requested.v1";

	@Override
	public String aggregateId() {
		return userId;
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
