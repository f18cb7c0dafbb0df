package kz.khc.contracts.scoring.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * The akimat annulled a direction (DOMAIN A2–A4), for example after a failed qualification.
 *
 * @param reason the officer's explanation
 */
public record DirectionAnnulled(UUID eventId, Instant occurredAt, UUID directionId, String directionNumber,
		UUID applicationId, String applicantId, String reason, LocalDate annulledOn) implements IntegrationEvent {

	public static final String TOPIC = "scoring.direction-annulled.v1";

	@Override
	public String aggregateId() {
		return directionId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
