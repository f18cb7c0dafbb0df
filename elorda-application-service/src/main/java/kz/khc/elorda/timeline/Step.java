package kz.khc.elorda.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.contracts.scoring.v1.BankOutcome;

import org.jspecify.annotations.Nullable;

/**
 * One step of an application's way through the programme, as one event told it.
 *
 * @param occurredAt when it happened where it happened (the submission, the assessment, the bank's record…)
 * @param details what the step says, of the kind's type
 */
record Step(UUID applicationId, Kind kind, Instant occurredAt, Details details) {

	Step {
		Objects.requireNonNull(applicationId, "applicationId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (!kind.details.isInstance(details)) {
			throw new IllegalArgumentException(kind + " with " + details.getClass().getSimpleName());
		}
	}

	enum Kind {
		SUBMITTED(Details.Submitted.class), ASSESSED(Details.Assessed.class), VERIFIED(Details.Verified.class),
		REJECTED(Details.Rejected.class), DIRECTION_ISSUED(Details.DirectionIssued.class),
		DIRECTION_EXPIRED(Details.DirectionExpired.class), DIRECTION_ANNULLED(Details.DirectionAnnulled.class),
		BANK_OUTCOME(Details.BankOutcomeRecorded.class);

		final Class<? extends Details> details;

		Kind(Class<? extends Details> details) {
			this.details = details;
		}
	}

	/** What each kind of step keeps (stored as JSON; {@code latest_assessment} reads {@link Assessed}'s names). */
	sealed interface Details {

		record Submitted(String applicationNumber, ProgrammeCategory category) implements Details {
		}

		/**
		 * @param failed the codes of the criteria not met ({@code E1}…{@code E8}, {@code LOAN_AMOUNT}, …)
		 * @param asOf the day every criterion was judged on (the submission's, in Asia/Almaty)
		 */
		record Assessed(String applicationNumber, boolean eligible, int points, List<String> failed,
				List<Points> breakdown, String rulesVersion, String edition, LocalDate asOf) implements Details {

			record Points(String code, int points) {
			}
		}

		record Verified(String applicationNumber, ProgrammeCategory category, int points) implements Details {
		}

		/** @param reason the officer's words, in the language they wrote them */
		record Rejected(String applicationNumber, String reasonCode, String reason) implements Details {
		}

		record DirectionIssued(UUID directionId, String directionNumber, int position, int points,
				LocalDate issuedOn, LocalDate bankVisitDeadline) implements Details {
		}

		record DirectionExpired(UUID directionId, String directionNumber, LocalDate deadline, LocalDate expiredOn)
				implements Details {
		}

		record DirectionAnnulled(UUID directionId, String directionNumber, String reason, LocalDate annulledOn)
				implements Details {
		}

		/** @param housingDeadline with a passed qualification: the last day to bring the housing documents */
		record BankOutcomeRecorded(UUID directionId, String directionNumber, BankOutcome outcome,
				@Nullable LocalDate housingDeadline) implements Details {
		}
	}
}
