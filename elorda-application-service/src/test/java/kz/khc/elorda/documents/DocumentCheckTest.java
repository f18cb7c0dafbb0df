package kz.khc.elorda.documents;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.elorda.documents.DocumentCheck.Family;
import kz.khc.elorda.documents.DocumentCheck.Finding;
import kz.khc.elorda.documents.DocumentCheck.Person;
import kz.khc.elorda.documents.DocumentCheck.Uploaded;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Edition.DocumentType;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static kz.khc.elorda.editions.Edition.DocumentType.CIVIL_STATUS_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.DEPOSIT_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.DIPLOMA;
import static kz.khc.elorda.editions.Edition.DocumentType.DISABILITY_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.EMPLOYMENT_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.INCOME_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.LEAVE_ORDER;
import static kz.khc.elorda.editions.Edition.DocumentType.MEDIA_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.NO_PROPERTY_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.PENSION_STATEMENT;
import static kz.khc.elorda.editions.Edition.DocumentType.WORK_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN "Documents" with the standard terms (editions/standard-terms.json): the 10-day window and the same-day
 * certificates at their edges, and each conditional document present exactly when its condition holds.
 */
class DocumentCheckTest {

	static final LocalDate SUBMISSION = LocalDate.of(2026, 3, 10);
	static final Person APPLICANT = new Person("950312400238", false, true);
	static final Person SPOUSE = new Person("930720300018", false, true);
	static final Person CHILD = new Person("220115500013", true, false);

	static final List<Edition.DocumentRequirement> STANDARD = standard();

	@Test
	void aFullPackageForAFamilyOfThreeHasNoFindings() {
		assertThat(DocumentCheck.check(STANDARD, family(), fullPackage(), SUBMISSION)).isEmpty();
	}

	@Test
	void aCertificateIssuedTenDaysBeforeIsInTimeAndElevenIsNot() {
		List<Uploaded> documents = without(EMPLOYMENT_CERTIFICATE, APPLICANT);
		documents.add(new Uploaded(EMPLOYMENT_CERTIFICATE, APPLICANT.iin(), SUBMISSION.minusDays(10)));
		assertThat(DocumentCheck.check(STANDARD, family(), documents, SUBMISSION)).isEmpty();

		documents = without(EMPLOYMENT_CERTIFICATE, APPLICANT);
		documents.add(new Uploaded(EMPLOYMENT_CERTIFICATE, APPLICANT.iin(), SUBMISSION.minusDays(11)));
		assertThat(DocumentCheck.check(STANDARD, family(), documents, SUBMISSION))
			.containsExactly(new Finding(EMPLOYMENT_CERTIFICATE, APPLICANT.iin(), Finding.Problem.TOO_OLD));
	}

	@Test
	void propertyAndDepositCertificatesAreOfTheSubmissionDayForEveryoneTheyConcern() {
		List<Uploaded> documents = without(NO_PROPERTY_CERTIFICATE, CHILD);
		documents.add(new Uploaded(NO_PROPERTY_CERTIFICATE, CHILD.iin(), SUBMISSION.minusDays(1)));
		List<Uploaded> deposits = without(DEPOSIT_CERTIFICATE, SPOUSE);
		deposits.add(new Uploaded(DEPOSIT_CERTIFICATE, SPOUSE.iin(), SUBMISSION.minusDays(1)));

		assertThat(DocumentCheck.check(STANDARD, family(), documents, SUBMISSION)).containsExactly(
				new Finding(NO_PROPERTY_CERTIFICATE, CHILD.iin(), Finding.Problem.NOT_THE_SUBMISSION_DAY));
		assertThat(DocumentCheck.check(STANDARD, family(), deposits, SUBMISSION)).containsExactly(
				new Finding(DEPOSIT_CERTIFICATE, SPOUSE.iin(), Finding.Problem.NOT_THE_SUBMISSION_DAY));
		// one good copy among stale ones is enough
		documents.add(new Uploaded(NO_PROPERTY_CERTIFICATE, CHILD.iin(), SUBMISSION));
		assertThat(DocumentCheck.check(STANDARD, family(), documents, SUBMISSION)).isEmpty();
	}

	@Test
	void nothingIssuedAfterTheSubmissionDayAndOldDocumentsAreFineWhereAgeDoesNotMatter() {
		List<Uploaded> documents = without(PENSION_STATEMENT, APPLICANT);
		documents.add(new Uploaded(PENSION_STATEMENT, APPLICANT.iin(), SUBMISSION.plusDays(1)));
		assertThat(DocumentCheck.check(STANDARD, family(), documents, SUBMISSION))
			.containsExactly(new Finding(PENSION_STATEMENT, APPLICANT.iin(), Finding.Problem.AFTER_SUBMISSION));

		List<Uploaded> old = without(DIPLOMA, APPLICANT);
		old.add(new Uploaded(DIPLOMA, APPLICANT.iin(), LocalDate.of(2017, 6, 30)));
		assertThat(DocumentCheck.check(STANDARD, family(), old, SUBMISSION)).isEmpty();
	}

	@Test
	void theMediaCertificateOnlyInTheMediaCategory() {
		Family media = new Family(APPLICANT, SPOUSE, List.of(CHILD), ProgrammeCategory.MEDIA, false);
		assertThat(DocumentCheck.check(STANDARD, media, fullPackage(), SUBMISSION))
			.containsExactly(new Finding(MEDIA_CERTIFICATE, APPLICANT.iin(), Finding.Problem.MISSING));
		assertThat(DocumentCheck.needed(STANDARD, family())).doesNotContainKey(
				new DocumentCheck.Needed(MEDIA_CERTIFICATE, APPLICANT.iin()));
	}

	@Test
	void aLeaveOrderOnlyWhenAMonthHadNoIncome() {
		Family gap = new Family(APPLICANT, SPOUSE, List.of(CHILD), ProgrammeCategory.HEALTHCARE, true);
		assertThat(DocumentCheck.check(STANDARD, gap, fullPackage(), SUBMISSION))
			.containsExactly(new Finding(LEAVE_ORDER, APPLICANT.iin(), Finding.Problem.MISSING));
	}

	@Test
	void theSpousesCertificatesOnlyWithASpouseAndTheIncomeOneOnlyIfTheSpouseWorks() {
		Family single = new Family(APPLICANT, null, List.of(CHILD), ProgrammeCategory.HEALTHCARE, false);
		assertThat(DocumentCheck.needed(STANDARD, single).keySet()).noneMatch(needed -> needed.holderIin()
			.equals(SPOUSE.iin()));

		Family notWorking = new Family(APPLICANT, new Person(SPOUSE.iin(), false, false), List.of(CHILD),
				ProgrammeCategory.HEALTHCARE, false);
		assertThat(DocumentCheck.needed(STANDARD, notWorking)).containsKey(
				new DocumentCheck.Needed(DEPOSIT_CERTIFICATE, SPOUSE.iin()))
			.doesNotContainKey(new DocumentCheck.Needed(INCOME_CERTIFICATE, SPOUSE.iin()));
		assertThat(DocumentCheck.check(STANDARD, family(), without(INCOME_CERTIFICATE, SPOUSE), SUBMISSION))
			.containsExactly(new Finding(INCOME_CERTIFICATE, SPOUSE.iin(), Finding.Problem.MISSING));
	}

	@Test
	void aDisabilityCertificateForTheDisabledMemberOnly() {
		assertThat(DocumentCheck.needed(STANDARD, family()))
			.containsKey(new DocumentCheck.Needed(DISABILITY_CERTIFICATE, CHILD.iin()))
			.doesNotContainKey(new DocumentCheck.Needed(DISABILITY_CERTIFICATE, APPLICANT.iin()))
			.doesNotContainKey(new DocumentCheck.Needed(DISABILITY_CERTIFICATE, SPOUSE.iin()));
		assertThat(DocumentCheck.check(STANDARD, family(), without(DISABILITY_CERTIFICATE, CHILD), SUBMISSION))
			.containsExactly(new Finding(DISABILITY_CERTIFICATE, CHILD.iin(), Finding.Problem.MISSING));
	}

	private static Family family() {
		return new Family(APPLICANT, SPOUSE, List.of(CHILD), ProgrammeCategory.HEALTHCARE, false);
	}

	/** Everything the standard terms ask of the family, each issued on the submission day. */
	private static List<Uploaded> fullPackage() {
		List<Uploaded> documents = new ArrayList<>();
		for (DocumentType type : List.of(CIVIL_STATUS_CERTIFICATE, EMPLOYMENT_CERTIFICATE, WORK_RECORD,
				PENSION_STATEMENT, DEPOSIT_CERTIFICATE, INCOME_CERTIFICATE, DIPLOMA)) {
			documents.add(new Uploaded(type, APPLICANT.iin(), SUBMISSION));
		}
		for (Person person : List.of(APPLICANT, SPOUSE, CHILD)) {
			documents.add(new Uploaded(NO_PROPERTY_CERTIFICATE, person.iin(), SUBMISSION));
		}
		documents.add(new Uploaded(DEPOSIT_CERTIFICATE, SPOUSE.iin(), SUBMISSION));
		documents.add(new Uploaded(INCOME_CERTIFICATE, SPOUSE.iin(), SUBMISSION));
		documents.add(new Uploaded(DISABILITY_CERTIFICATE, CHILD.iin(), LocalDate.of(2023, 1, 20)));
		return documents;
	}

	private static List<Uploaded> without(DocumentType type, Person holder) {
		List<Uploaded> documents = fullPackage();
		documents.removeIf(document -> document.type() == type && document.holderIin().equals(holder.iin()));
		return documents;
	}

	private static List<Edition.DocumentRequirement> standard() {
		try (InputStream in = DocumentCheckTest.class.getResourceAsStream("/editions/standard-terms.json")) {
			return JsonMapper.builder().build().readValue(in, Edition.Terms.class).documents();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
