package kz.khc.contracts.identity.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * A client finished primary authorization (DOMAIN I1, I2): the account exists at the identity provider.
 *
 * @param userId the user's id at the identity provider (the token subject)
 * @param mobile the mobile number the one-time code went to, {@code +77XXXXXXXXX}
 * @param language the language of the pages the client used: {@code ru}, {@code kk} or {@code en}
 */
public record UserRegistered(UUID eventId, Instant occurredAt, String userId, String iin, String accountNumber,
		UserType userType, String mobile, String language, Instant registeredAt) implements IntegrationEvent {

	public static final String TOPIC = "identity.user-registered.v1";

	@Override
	public String aggregateId() {
		return userId;
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
