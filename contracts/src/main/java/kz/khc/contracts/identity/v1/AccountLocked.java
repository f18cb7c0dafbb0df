package kz.khc.contracts.identity.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * Repeated failed logins locked a user's account until {@code lockedUntil} (DOMAIN I3).
 */
public record AccountLocked(UUID eventId, Instant occurredAt, String userId, int failedAttempts, Instant lockedUntil) implements IntegrationEvent {

	public static final String TOPIC = "identity.account-locked.v1";

	@Override
	public String aggregateId() {
		return userId;
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
