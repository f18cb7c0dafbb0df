package kz.khc.elorda.applications;

import java.time.Instant;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.jspecify.annotations.Nullable;

/**
 * An application to the Elorda Zhastary programme: a draft its applicant may change until they submit it, and
 * then never again (DOMAIN "Documents": a submitted application cannot be corrected).
 *
 * @param number given at submission, unique: {@code EZ-2026-000042}
 * @param category the form's; null while a draft has none
 */
record Application(UUID id, @Nullable String number, String applicantId, String applicantIin, String editionId,
		Status status, @Nullable ProgrammeCategory category, ApplicationForm form, @Nullable Instant submittedAt,
		Instant updatedAt) {

	enum Status {
		DRAFT, SUBMITTED, VERIFIED, REJECTED
	}

	boolean draft() {
		return status == Status.DRAFT;
	}
}
