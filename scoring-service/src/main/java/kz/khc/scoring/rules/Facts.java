package kz.khc.scoring.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.jspecify.annotations.Nullable;

/**
 * What an assessment is made of: the application as submitted (or as a what-if), evaluated as of
 * {@code submissionDate} (Asia/Almaty). Cities are {@code ASTANA} or any other name.
 *
 * @param householdNetIncome the household's labour and business income net of pension and tax, for each of the 6
 * months before submission (DOMAIN E7)
 * @param savings only for «Қолжетімді баспана 2020»
 */
public record Facts(LocalDate submissionDate, Category category, BigDecimal requestedLoan, Person applicant,
		List<FamilyMember> family, List<BigDecimal> householdNetIncome, List<Deposit> deposits, Property property,
		@Nullable Savings savings) {

	public static final String ASTANA = "ASTANA";

	/** A city or a bank as the rules compare it: {@code " Astana "} is {@code ASTANA}, {@code "Otbasy"} {@code OTBASY}. */
	public static String code(String text) {
		return text.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * The separate ranked lists of Elorda Zhastary; the sphere of work uses the same names. These are the public
	 * pre-check's names (issue 6's contract); the events use the intake's, {@link ProgrammeCategory}.
	 */
	public enum Category {
		HEALTHCARE, EDUCATION, CULTURE, SPORT, SOCIAL, UNIVERSITIES_RESEARCH, MEDIA, MUNICIPAL, POLICE, EMERGENCY,
		ORPHANS;

		public ProgrammeCategory published() {
			return switch (this) {
				case SOCIAL -> ProgrammeCategory.SOCIAL_PROTECTION;
				case UNIVERSITIES_RESEARCH -> ProgrammeCategory.UNIVERSITIES_AND_RESEARCH;
				case MUNICIPAL -> ProgrammeCategory.MUNICIPAL_ENTERPRISES;
				default -> ProgrammeCategory.valueOf(name());
			};
		}

		public static Category of(ProgrammeCategory category) {
			return switch (category) {
				case SOCIAL_PROTECTION -> SOCIAL;
				case UNIVERSITIES_AND_RESEARCH -> UNIVERSITIES_RESEARCH;
				case MUNICIPAL_ENTERPRISES -> MUNICIPAL;
				default -> valueOf(category.name());
			};
		}
	}

	/**
	 * @param citizenship ISO 3166 code, {@code KZ}
	 * @param disabilityGroup 1, 2 or 3; null without a disability
	 * @param orphanQueueCity the city of the municipal housing queue for orphans the applicant is in, if any
	 */
	public record Person(String iin, LocalDate birthDate, String citizenship, Registration registration,
			@Nullable Employment employment, @Nullable Education education, @Nullable Integer disabilityGroup,
			@Nullable String orphanQueueCity) {
	}

	public record Registration(String city, boolean permanent, LocalDate since) {
	}

	/**
	 * @param since when the applicant started in this sphere (in Astana)
	 * @param profileStaff doctors, teachers…, not technical or administrative staff (DOMAIN E6)
	 */
	public record Employment(Category sphere, String city, boolean stateOrganization, boolean profileStaff,
			LocalDate since, boolean onMaternityLeave) {
	}

	public record Education(Level level, boolean matchesSphere) {

		public enum Level {
			HIGHER, VOCATIONAL, SECONDARY
		}
	}

	public record FamilyMember(Relation relation, LocalDate birthDate, String registeredIn,
			boolean permanentRegistration, @Nullable Integer disabilityGroup) {

		public enum Relation {
			SPOUSE, CHILD
		}
	}

	/** @param bank {@code OTBASY} or another bank's name: only Otbasy deposits count (DOMAIN E4) */
	public record Deposit(Holder holder, String bank, BigDecimal balance) {

		public static final String OTBASY = "OTBASY";

		public enum Holder {
			APPLICANT, SPOUSE, CHILD
		}
	}

	public record Property(boolean ownedInLast5Years, boolean rentToOwnInLast5Years, boolean onlyEmergencyAdobeOrReed) {
	}

	/**
	 * «Қолжетімді баспана 2020» (seed 004).
	 *
	 * @param sharePercent the savings as a share of the contract amount, per cent
	 * @param evaluationIndicator Otbasy bank's evaluation indicator in multiples of its minimum (1 = the minimum
	 * reached)
	 */
	public record Savings(int months, BigDecimal sharePercent, BigDecimal evaluationIndicator) {
	}
}
