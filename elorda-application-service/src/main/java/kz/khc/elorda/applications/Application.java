package kz.khc.elorda.applications;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.ContactDetails;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.jspecify.annotations.Nullable;

/**
 * An application to the Elorda Zhastary programme. Once submitted it cannot be corrected (DOMAIN.md,
 * "Documents").
 */
record Application(UUID id, String number, String applicantId, ProgrammeCategory category, Instant submittedAt) {

	static Application submit(UUID id, String number, String applicantId, ProgrammeCategory category,
			Instant now) {
		return new Application(id, number, applicantId, category, now);
	}

	ApplicationSubmitted submitted(@Nullable String applicantIin, ContactDetails contact) {
		return new ApplicationSubmitted(UUID.randomUUID(), submittedAt, id, number, category, submittedAt, applicantId,
				applicantIin, contact, null);
	}
}
