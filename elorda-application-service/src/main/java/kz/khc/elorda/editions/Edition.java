package kz.khc.elorda.editions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.jspecify.annotations.Nullable;

/**
 * An edition of the programme: applications are taken from {@code opensAt} (inclusive) to {@code closesAt}
 * (exclusive) and judged by its {@link Terms}.
 *
 * @param id short and stable, e.g. {@code 2026}: the scoring service's rules use the same edition names
 */
public record Edition(String id, String name, Instant opensAt, Instant closesAt, Terms terms) {

	public boolean openAt(Instant moment) {
		return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
	}

	/**
	 * The edition's parameters (DOMAIN "Elorda Zhastary programme"); amounts in tenge.
	 *
	 * @param subsistenceMinimum the year's subsistence minimum: the income limit per family member is
	 * {@code incomeMultiple} times it (DOMAIN E7)
	 * @param ageLimit the applicant's age in full years on the submission day may not exceed it (DOMAIN E2)
	 * @param quotas how many directions each category's list may hold (DOMAIN A1), as the akimat planned them
	 */
	public record Terms(@NotNull @Positive BigDecimal minLoan, @NotNull @Positive BigDecimal maxLoan,
			@NotNull @PositiveOrZero BigDecimal ratePercent, @Positive int maxTermYears,
			@NotNull @PositiveOrZero BigDecimal minDownPaymentPercent, @NotNull @Positive BigDecimal subsistenceMinimum,
			@Positive int incomeMultiple, @Positive int ageLimit, @NotEmpty List<@NotNull ProgrammeCategory> categories,
			@NotNull Map<@NotNull ProgrammeCategory, @NotNull @PositiveOrZero Integer> quotas,
			@NotNull List<@NotNull @Valid DocumentRequirement> documents) {
	}

	/**
	 * A document an applicant must upload when its condition holds, for each holder it names (DOMAIN "Documents").
	 *
	 * @param categories only in these categories; empty for all
	 * @param maxAgeDays at most this many calendar days old on the submission day, 0 for issued that day; null where
	 * the document is as old as it is (a diploma, a birth certificate)
	 */
	public record DocumentRequirement(@NotNull DocumentType type, @NotNull Holder holder, @NotNull Condition when,
			@NotNull Set<@NotNull ProgrammeCategory> categories, @Nullable @PositiveOrZero Integer maxAgeDays) {
	}

	public enum DocumentType {
		CIVIL_STATUS_CERTIFICATE, NO_PROPERTY_CERTIFICATE, EMPLOYMENT_CERTIFICATE, WORK_RECORD, PENSION_STATEMENT,
		DISABILITY_CERTIFICATE, MEDIA_CERTIFICATE, DEPOSIT_CERTIFICATE, INCOME_CERTIFICATE, DIPLOMA, LEAVE_ORDER
	}

	/** Whose document it is: the applicant's, the spouse's (when there is one), or each family member's. */
	public enum Holder {
		APPLICANT, SPOUSE, EACH_FAMILY_MEMBER
	}

	/** When the requirement applies, besides its categories. */
	public enum Condition {
		ALWAYS,
		/** the holder has a disability group */
		DISABILITY,
		/** a month of the six had no income (a leave or sick-leave order explains it) */
		MONTH_WITHOUT_INCOME,
		/** the spouse works */
		SPOUSE_WORKS
	}
}
