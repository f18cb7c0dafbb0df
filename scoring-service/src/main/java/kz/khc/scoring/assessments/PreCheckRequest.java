package kz.khc.scoring.assessments;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.khc.scoring.rules.Facts;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.scoring.rules.Facts.Deposit.Holder;
import kz.khc.scoring.rules.Facts.Education.Level;
import kz.khc.scoring.rules.Facts.FamilyMember.Relation;

import org.jspecify.annotations.Nullable;

/**
 * The public pre-check's request, named as issue 6 point 3 fixes the contract. Amounts are tenge with at most two
 * decimals; cities are {@code ASTANA} or free text (compared without regard to case). {@code family} and
 * {@code deposits} may be left out when there are none; {@code employment} and {@code education} may be null (the
 * criteria that need them then fail); {@code savings} is for «Қолжетімді баспана 2020» only. Dates are ISO
 * strings ({@code 2023-06-15}) only.
 */
@DatesNotAfterSubmission
record PreCheckRequest(@NotNull @Iso LocalDate submissionDate, @NotNull Category category,
		@NotNull @Min(0) @Max(MAX_LOAN) @Digits(integer = 12, fraction = 2) BigDecimal requestedLoan,
		@NotNull @Valid Applicant applicant,
		@Nullable @Size(max = MAX_ENTRIES) List<@NotNull @Valid FamilyMember> family,
		@NotNull @Size(min = 6, max = 6) List<@NotNull @Min(0) @Max(MAX_MONTHLY_INCOME) @Digits(integer = 12,
				fraction = 2) BigDecimal> householdNetIncome,
		@Nullable @Size(max = MAX_ENTRIES) List<@NotNull @Valid Deposit> deposits,
		@NotNull @Valid Property property, @Nullable @Valid Savings savings) {

	static final int MAX_ENTRIES = 20;
	static final long MAX_LOAN = 1_000_000_000L;
	static final long MAX_MONTHLY_INCOME = 1_000_000_000L;
	static final long MAX_BALANCE = 10_000_000_000L;
	static final int MAX_TEXT = 100;

	record Applicant(@NotNull @ValidIin String iin, @NotNull @Iso LocalDate birthDate,
			@NotNull @Pattern(regexp = "[A-Za-z]{2}") String citizenship, @NotNull @Valid Registration registration,
			@Nullable @Valid Employment employment, @Nullable @Valid Education education,
			@Nullable @Min(1) @Max(3) Integer disabilityGroup,
			@Nullable @Size(min = 1, max = MAX_TEXT) String orphanQueueCity) {
	}

	record Registration(@NotBlank @Size(max = MAX_TEXT) String city, @NotNull Boolean permanent,
			@NotNull @Iso LocalDate since) {
	}

	record Employment(@NotNull Category sphere, @NotBlank @Size(max = MAX_TEXT) String city,
			@NotNull Boolean stateOrganization, @NotNull Boolean profileStaff, @NotNull @Iso LocalDate since,
			@NotNull Boolean onMaternityLeave) {
	}

	record Education(@NotNull Level level, @NotNull Boolean matchesSphere) {
	}

	record FamilyMember(@NotNull Relation relation, @NotNull @Iso LocalDate birthDate,
			@NotBlank @Size(max = MAX_TEXT) String registeredIn, @NotNull Boolean permanentRegistration,
			@Nullable @Min(1) @Max(3) Integer disabilityGroup) {
	}

	record Deposit(@NotNull Holder holder, @NotBlank @Size(max = MAX_TEXT) String bank,
			@NotNull @Min(0) @Max(MAX_BALANCE) @Digits(integer = 12, fraction = 2) BigDecimal balance) {
	}

	record Property(@NotNull Boolean ownedInLast5Years, @NotNull Boolean rentToOwnInLast5Years,
			@NotNull Boolean onlyEmergencyAdobeOrReed) {
	}

	/**
	 * @param months how long the applicant has saved in Otbasy bank
	 * @param sharePercent the savings as a share of the contract amount, per cent
	 * @param evaluationIndicator Otbasy bank's evaluation indicator in multiples of its minimum
	 */
	record Savings(@NotNull @Min(0) @Max(1200) Integer months,
			@NotNull @Min(0) @Max(100) @Digits(integer = 3, fraction = 2) BigDecimal sharePercent,
			@NotNull @Min(0) @Max(1000) @Digits(integer = 4, fraction = 4) BigDecimal evaluationIndicator) {
	}

	/** An ISO date string only: Jackson would otherwise read a number as a day count since 1970. */
	@JsonFormat(lenient = OptBoolean.FALSE)
	@JacksonAnnotationsInside
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
	@interface Iso {
	}

	/** The engine's input; call only on a validated request. */
	Facts toFacts() {
		Employment work = applicant.employment;
		Education school = applicant.education;
		return new Facts(submissionDate, category, requestedLoan,
				new Facts.Person(applicant.iin, applicant.birthDate, Facts.code(applicant.citizenship),
						new Facts.Registration(Facts.code(applicant.registration.city), applicant.registration.permanent,
								applicant.registration.since),
						work == null ? null
								: new Facts.Employment(work.sphere, Facts.code(work.city), work.stateOrganization,
										work.profileStaff, work.since, work.onMaternityLeave),
						school == null ? null : new Facts.Education(school.level, school.matchesSphere),
						applicant.disabilityGroup,
						applicant.orphanQueueCity == null ? null : Facts.code(applicant.orphanQueueCity)),
				family == null ? List.of()
						: family.stream()
							.map(member -> new Facts.FamilyMember(member.relation, member.birthDate,
									Facts.code(member.registeredIn), member.permanentRegistration, member.disabilityGroup))
							.toList(),
				List.copyOf(householdNetIncome),
				deposits == null ? List.of()
						: deposits.stream()
							.map(deposit -> new Facts.Deposit(deposit.holder, Facts.code(deposit.bank), deposit.balance))
							.toList(),
				new Facts.Property(property.ownedInLast5Years, property.rentToOwnInLast5Years,
						property.onlyEmergencyAdobeOrReed),
				savings == null ? null
						: new Facts.Savings(savings.months, savings.sharePercent, savings.evaluationIndicator));
	}
}
