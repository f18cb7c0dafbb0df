package kz.khc.elorda.verification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Staff's decision on a submitted application, as stored: one per application, never changed.
 *
 * @param reasonCode always given for a rejection, optional for a verification
 * @param comment the officer's words: always given for a rejection (the applicant reads it), optional otherwise
 */
record Decision(UUID applicationId, Outcome outcome, Instant decidedAt, Officer decidedBy,
		@Nullable RejectionReason reasonCode, @Nullable String comment) {
}
