package kz.khc.contracts.scoring.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

/**
 * A direction lapsed because its deadline passed: the bank visit (DOMAIN A2) or the choice of housing (A4).
 *
 * @param deadline the deadline that was missed
 */
public record DirectionExpired(UUID eventId, Instant occurredAt, UUID directionId, String directionNumber,
		UUID applicationId, String applicantId, LocalDate deadline, LocalDate expiredOn) implements IntegrationEvent {

	public static final String TOPIC = "scoring.direction-expired.v1";

	@Override
	public String aggregateId() {
		return directionId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
