package kz.khc.contracts.identity.v1;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * A user's password was set anew, by the user or through the forgotten-password flow (DOMAIN I3).
 */
public record PasswordChanged(UUID eventId, Instant occurredAt, String userId, Reason reason, Instant changedAt) implements IntegrationEvent {

	public static final String TOPIC = "identity.password-changed.v1";

	@Override
	public String aggregateId() {
		return userId;
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	public enum Reason {
		/** The logged-in user changed it. */
		CHANGED,
		/** Set again through the forgotten-password flow. */
		RESET
	}
}
