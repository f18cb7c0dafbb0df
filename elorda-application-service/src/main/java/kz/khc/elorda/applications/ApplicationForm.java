package kz.khc.elorda.applications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import kz.khc.contracts.Bin;
import kz.khc.contracts.Iin;
import kz.khc.contracts.MobileNumber;
import kz.khc.contracts.elorda.v1.ApplicationFacts;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.elorda.documents.DocumentCheck;

import org.jspecify.annotations.Nullable;

/**
 * What the applicant fills in (issue 7 point 2). A draft may leave anything out and is saved as it is; what a
 * submission needs besides is in the {@link Complete} group. The applicant's IIN is the login's, and every birth date
 * comes from an IIN, so nobody types either twice. Cities are {@code ASTANA} or free text; amounts tenge.
 *
 * @param householdNetIncome labour and business income of the household net of pension and tax, for each of the 6
 * months before submission, oldest first (DOMAIN E7)
 */
public record ApplicationForm(@NotNull(groups = Complete.class) @Nullable ProgrammeCategory category,
		@NotNull(groups = Complete.class) @PositiveOrZero @Digits(integer = 12, fraction = 2) @Nullable BigDecimal requestedLoan,
		@NotNull(groups = Complete.class) @Valid @Nullable Applicant applicant,
		@Size(max = MAX_ENTRIES) @Nullable List<@NotNull @Valid FamilyMember> family,
		@NotNull(groups = Complete.class) @Size(min = 6, max = 6) @Nullable List<@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal> householdNetIncome,
		@Size(max = MAX_ENTRIES) @Nullable List<@NotNull @Valid Deposit> deposits,
		@NotNull(groups = Complete.class) @Valid @Nullable Property property,
		@NotNull(groups = Complete.class) @Valid @Nullable Contact contact) {

	static final int MAX_ENTRIES = 20;
	static final int MAX_TEXT = 200;

	/** What a submission needs on top of a well-formed draft. */
	public interface Complete {
	}

	public ApplicationForm {
		family = family == null ? List.of() : List.copyOf(family);
		deposits = deposits == null ? List.of() : List.copyOf(deposits);
	}

	/**
	 * @param fullName as on the identity document
	 * @param citizenship ISO 3166 code, {@code KZ}
	 * @param disabilityGroup 1, 2 or 3; none without a disability
	 * @param orphanQueueCity the city of the municipal housing queue for orphans the applicant is in, if any
	 */
	public record Applicant(@NotBlank(groups = Complete.class) @Size(max = MAX_TEXT) @Nullable String fullName,
			@NotNull(groups = Complete.class) @Pattern(regexp = "[A-Z]{2}") @Nullable String citizenship,
			@NotNull(groups = Complete.class) @Valid @Nullable Registration registration,
			@NotNull(groups = Complete.class) @Valid @Nullable Employment employment,
			@NotNull(groups = Complete.class) @Valid @Nullable Education education,
			@Min(1) @Max(3) @Nullable Integer disabilityGroup,
			@Size(min = 1, max = MAX_TEXT) @Nullable String orphanQueueCity) {
	}

	public record Registration(@NotBlank(groups = Complete.class) @Size(max = MAX_TEXT) @Nullable String city,
			@NotNull(groups = Complete.class) @Nullable Boolean permanent,
			@NotNull(groups = Complete.class) @Nullable LocalDate since) {
	}

	/**
	 * @param organizationBin the employer's business identification number
	 * @param since the hire date in this sphere (in Astana)
	 * @param profileStaff doctors, teachers…, not technical or administrative staff (DOMAIN E6)
	 */
	public record Employment(@NotNull(groups = Complete.class) @Identifier(Identifier.Kind.BIN) @Nullable String organizationBin,
			@NotBlank(groups = Complete.class) @Size(max = MAX_TEXT) @Nullable String organizationName,
			@NotBlank(groups = Complete.class) @Size(max = MAX_TEXT) @Nullable String position,
			@NotNull(groups = Complete.class) @Nullable ProgrammeCategory sphere,
			@NotBlank(groups = Complete.class) @Size(max = MAX_TEXT) @Nullable String city,
			@NotNull(groups = Complete.class) @Nullable Boolean stateOrganization,
			@NotNull(groups = Complete.class) @Nullable Boolean profileStaff,
			@NotNull(groups = Complete.class) @Nullable LocalDate since,
			@NotNull(groups = Complete.class) @Nullable Boolean onMaternityLeave) {
	}

	public record Education(@NotNull(groups = Complete.class) ApplicationFacts.Education.@Nullable Level level,
			@NotNull(groups = Complete.class) @Nullable Boolean matchesSphere) {
	}

	/** @param employed for a spouse: whether they work (their income certificate is then needed) */
	public record FamilyMember(@NotNull ApplicationFacts.FamilyMember.@Nullable Relation relation,
			@NotNull @Identifier(Identifier.Kind.IIN) @Nullable String iin,
			@NotBlank(groups = Complete.class) @Size(max = MAX_TEXT) @Nullable String fullName,
			@NotBlank(groups = Complete.class) @Size(max = MAX_TEXT) @Nullable String registeredIn,
			@NotNull(groups = Complete.class) @Nullable Boolean permanentRegistration,
			@Min(1) @Max(3) @Nullable Integer disabilityGroup, @Nullable Boolean employed) {
	}

	public record Deposit(@NotNull ApplicationFacts.Deposit.@Nullable Holder holder,
			@NotBlank @Size(max = MAX_TEXT) @Nullable String bank,
			@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) @Nullable BigDecimal balance) {
	}

	public record Property(@NotNull(groups = Complete.class) @Nullable Boolean ownedInLast5Years,
			@NotNull(groups = Complete.class) @Nullable Boolean rentToOwnInLast5Years,
			@NotNull(groups = Complete.class) @Nullable Boolean onlyEmergencyAdobeOrReed) {
	}

	/** How the applicant wants to hear of their application: the SMS and the letter with the direction. */
	public record Contact(@NotNull(groups = Complete.class) @Identifier(Identifier.Kind.MOBILE) @Nullable String mobile,
			@Email @Size(max = MAX_TEXT) @Nullable String email,
			@NotNull(groups = Complete.class) @Pattern(regexp = "ru|kk|en") @Nullable String language) {
	}

	/**
	 * What a complete form must also agree with, beyond each field: at most one spouse; nobody twice in the family,
	 * nor the applicant; a spouse's deposit or income only with a spouse.
	 *
	 * @return the fields at fault, with the key of what is wrong with them
	 */
	List<FieldProblem> inconsistencies(Iin applicant) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>(List.of(applicant.value()));
		long spouses = 0;
		for (int i = 0; i < family.size(); i++) {
			FamilyMember member = family.get(i);
			if (member.iin() != null && !seen.add(member.iin())) {
				problems.add(new FieldProblem("family[" + i + "].iin", "kz.khc.elorda.applications.iin-repeated"));
			}
			if (member.relation() == ApplicationFacts.FamilyMember.Relation.SPOUSE && ++spouses > 1) {
				problems.add(new FieldProblem("family[" + i + "].relation", "kz.khc.elorda.applications.one-spouse"));
			}
		}
		for (int i = 0; i < deposits.size(); i++) {
			if (deposits.get(i).holder() == ApplicationFacts.Deposit.Holder.SPOUSE && spouses == 0) {
				problems.add(new FieldProblem("deposits[" + i + "].holder", "kz.khc.elorda.applications.no-spouse"));
			}
		}
		return problems;
	}

	/** @param message the key of the message that says what is wrong */
	record FieldProblem(String field, String message) {
	}

	/** The spouse's IIN, if the family has a spouse. */
	java.util.Optional<String> spouseIin() {
		return family.stream()
			.filter(member -> member.relation() == ApplicationFacts.FamilyMember.Relation.SPOUSE)
			.map(FamilyMember::iin)
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/**
	 * The family as the documents' requirements see it (DOMAIN "Documents"): who is disabled, whether the spouse
	 * works, and whether a month of the six had no income. Works on an incomplete form too, with what it has.
	 */
	DocumentCheck.Family documentFamily(Iin iin) {
		DocumentCheck.Person applicantPerson = new DocumentCheck.Person(iin.value(),
				applicant != null && applicant.disabilityGroup() != null, true);
		DocumentCheck.@Nullable Person spouse = null;
		List<DocumentCheck.Person> others = new java.util.ArrayList<>();
		for (FamilyMember member : family) {
			if (member.iin() == null) {
				continue;
			}
			DocumentCheck.Person person = new DocumentCheck.Person(member.iin(), member.disabilityGroup() != null,
					Boolean.TRUE.equals(member.employed()));
			if (member.relation() == ApplicationFacts.FamilyMember.Relation.SPOUSE && spouse == null) {
				spouse = person;
			}
			else {
				others.add(person);
			}
		}
		boolean monthWithoutIncome = householdNetIncome != null
				&& householdNetIncome.stream().anyMatch(month -> month != null && month.signum() == 0);
		return new DocumentCheck.Family(applicantPerson, spouse, others, category, monthWithoutIncome);
	}

	/**
	 * The facts the scoring service assesses; call only on a complete, consistent form. Birth dates come from the
	 * IINs.
	 */
	@SuppressWarnings("NullAway") // complete: every field the facts need is there
	ApplicationFacts facts(Iin iin) {
		Applicant person = applicant;
		Employment work = person.employment();
		return new ApplicationFacts(requestedLoan,
				new ApplicationFacts.Applicant(iin.value(), person.fullName(), iin.birthDate(), person.citizenship(),
						new ApplicationFacts.Registration(person.registration().city(),
								person.registration().permanent(), person.registration().since()),
						new ApplicationFacts.Employment(work.sphere(), work.city(), work.stateOrganization(),
								work.profileStaff(), work.since(), work.onMaternityLeave()),
						new ApplicationFacts.Education(person.education().level(), person.education().matchesSphere()),
						person.disabilityGroup(), person.orphanQueueCity()),
				family.stream()
					.map(member -> new ApplicationFacts.FamilyMember(member.relation(), new Iin(member.iin()).birthDate(),
							member.registeredIn(), member.permanentRegistration(), member.disabilityGroup()))
					.toList(),
				householdNetIncome,
				deposits.stream()
					.map(deposit -> new ApplicationFacts.Deposit(deposit.holder(), deposit.bank(), deposit.balance()))
					.toList(),
				new ApplicationFacts.Property(property.ownedInLast5Years(), property.rentToOwnInLast5Years(),
						property.onlyEmergencyAdobeOrReed()));
	}

	/** A Kazakh number the form asks for, checked by its check digit; the message names the kind. */
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
			ElementType.TYPE_USE })
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = Identifier.Validator.class)
	public @interface Identifier {

		Kind value();

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		enum Kind {
			IIN, BIN, MOBILE
		}

		class Validator implements ConstraintValidator<Identifier, String> {

			private Kind kind = Kind.IIN;

			@Override
			public void initialize(Identifier annotation) {
				kind = annotation.value();
			}

			@Override
			public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
				if (value == null || switch (kind) {
					case IIN -> Iin.isValid(value);
					case BIN -> Bin.isValid(value);
					case MOBILE -> MobileNumber.isValid(value);
				}) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(
						"{kz.khc.elorda.applications." + kind.name().toLowerCase(java.util.Locale.ROOT) + "}")
					.addConstraintViolation();
				return false;
			}
		}
	}
}
