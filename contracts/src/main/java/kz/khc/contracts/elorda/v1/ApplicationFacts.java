package kz.khc.contracts.elorda.v1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the applicant declared, and the documents proved, in a submitted application: everything the scoring service
 * assesses (DOMAIN E1–E8, S1–S3). The names are those of the scoring service's public pre-check, so a what-if and
 * a real application read alike; only the sphere of work uses the intake's category names. Cities are
 * {@code ASTANA} or free text; amounts are tenge.
 *
 * @param householdNetIncome the household's labour and business income net of pension and tax for each of the 6
 * months before submission, oldest first (DOMAIN E7)
 * @param deposits Otbasy bank and other deposits of the applicant, the spouse and minor children on the submission
 * day (DOMAIN E4)
 */
public record ApplicationFacts(BigDecimal requestedLoan, Applicant applicant, List<FamilyMember> family,
		List<BigDecimal> householdNetIncome, List<Deposit> deposits, Property property) {

	/**
	 * @param fullName as on the identity document, for the direction letter
	 * @param citizenship ISO 3166 code, {@code KZ}
	 * @param disabilityGroup 1, 2 or 3; null without a disability
	 * @param orphanQueueCity the city of the municipal housing queue for orphans the applicant is in, if any
	 */
	public record Applicant(String iin, String fullName, LocalDate birthDate, String citizenship,
			Registration registration, @Nullable Employment employment, @Nullable Education education,
			@Nullable Integer disabilityGroup, @Nullable String orphanQueueCity) {
	}

	public record Registration(String city, boolean permanent, LocalDate since) {
	}

	/**
	 * @param since the hire date in this sphere (in Astana)
	 * @param profileStaff doctors, teachers…, not technical or administrative staff (DOMAIN E6)
	 */
	public record Employment(ProgrammeCategory sphere, String city, boolean stateOrganization, boolean profileStaff,
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

	/** @param bank {@code OTBASY} or another bank's name */
	public record Deposit(Holder holder, String bank, BigDecimal balance) {

		public enum Holder {
			APPLICANT, SPOUSE, CHILD
		}
	}

	public record Property(boolean ownedInLast5Years, boolean rentToOwnInLast5Years,
			boolean onlyEmergencyAdobeOrReed) {
	}
}
