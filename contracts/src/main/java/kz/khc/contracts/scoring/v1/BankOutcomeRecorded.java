package kz.khc.contracts.scoring.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;

import org.jspecify.annotations.Nullable;

/**
 * Otbasy bank's back office recorded a step of an applicant with a direction.
 *
 * @param housingDeadline with {@link BankOutcome#QUALIFICATION_PASSED}: the last day to bring the housing
 * documents (DOMAIN A4)
 */
public record BankOutcomeRecorded(UUID eventId, Instant occurredAt, UUID directionId, String directionNumber,
		UUID applicationId, String applicantId, BankOutcome outcome, @Nullable LocalDate housingDeadline,
		Instant recordedAt) implements IntegrationEvent {

	public static final String TOPIC = "scoring.bank-outcome-recorded.v1";

	@Override
	public String aggregateId() {
		return directionId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
