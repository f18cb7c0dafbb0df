package kz.khc.elorda.verification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;

/**
 * What verification needs of the applications, which own them (the applications feature implements it):
 * a submitted application, and its status changed by staff's decision.
 */
public interface Submissions {

	/** The application as staff see it: empty when there is none, or when it is still a draft. */
	Optional<Submission> find(UUID applicationId);

	/**
	 * Gives a submitted application the outcome as its status, in one conditional update: of two officers deciding
	 * at once exactly one wins.
	 *
	 * @return false when it was not {@code SUBMITTED} (any more): somebody decided first
	 */
	boolean decide(UUID applicationId, Outcome outcome, Instant decidedAt);

	/**
	 * @param number {@code EZ-2026-000042}
	 * @param applicantId the applicant's user id at the identity provider
	 * @param editionId the edition whose intake window sets the deadline
	 */
	record Submission(UUID id, String number, String applicantId, ProgrammeCategory category, String editionId) {
	}
}
