package kz.khc.elorda.verification;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * What verification adds to the view of an application, meant to be unwrapped into it. Staff see the decision with
 * the officer, and the deadline while undecided; the applicant sees the decision without the officer, and the reason
 * and comment only of a rejection. Absent fields are left out.
 *
 * @param decision none while the application waits for one
 * @param verificationDeadline the last day to decide (DOMAIN A1); staff only, and only where the calendar covers it
 * @param workingDaysLeft until the deadline, 0 on the day itself, negative once overdue; only while undecided
 * @param overdue the deadline has passed without a decision; only while undecided
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(@Nullable DecisionView decision, @Nullable LocalDate verificationDeadline,
		@Nullable Long workingDaysLeft, @Nullable Boolean overdue) {

	/**
	 * @param decidedBy staff only
	 * @param reasonCode with its name in the reader's language
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DecisionView(Outcome outcome, Instant decidedAt, @Nullable Officer decidedBy,
			@Nullable RejectionReason reasonCode, @Nullable String reasonName, @Nullable String comment) {
	}
}
