package kz.khc.contracts.scoring.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;

/**
 * The akimat issued a direction («Направление») to Otbasy bank for an applicant of the ranked list (DOMAIN A1,
 * A2).
 *
 * @param applicantId the applicant's user id at the identity provider
 * @param position the applicant's position in the ranked list of the category
 * @param bankVisitDeadline the last day (Asia/Almaty) to come to the bank for the solvency assessment
 * @param verificationCode the code printed on the letter, with which the bank checks it is genuine
 */
public record DirectionIssued(UUID eventId, Instant occurredAt, UUID directionId, String directionNumber,
		UUID applicationId, String applicationNumber, String applicantId, String applicantName, String applicantIin,
		ProgrammeCategory category, int position, int points, LocalDate issuedOn, LocalDate bankVisitDeadline,
		String verificationCode) implements IntegrationEvent {

	public static final String TOPIC = "scoring.direction-issued.v1";

	@Override
	public String aggregateId() {
		return directionId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
