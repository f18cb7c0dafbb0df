package kz.khc.scoring.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.khc.scoring.rules.Facts.Category;
import kz.khc.scoring.rules.Facts.Deposit;
import kz.khc.scoring.rules.Facts.FamilyMember;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DOMAIN E1–E8, the orphans' queue and S1–S3 at their boundaries, and the FAQ cases of seed 002. */
class ElordaZhastaryRulesTest {

	static final RuleEngine ENGINE = new RuleEngine();
	static final Locale RU = Locale.of("ru");

	@Test
	void theBaselineApplicantIsEligibleWithEveryCriterionExplained() {
		Assessment assessment = assess(new Applicant());
		assertThat(assessment.eligible()).isTrue();
		assertThat(assessment.edition()).isEqualTo("2023");
		assertThat(assessment.rulesVersion()).hasSize(12);
		assertThat(assessment.criteria()).extracting(Assessment.Criterion::code)
			.containsExactly("LOAN_AMOUNT", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8");
		assertThat(assessment.criteria()).allSatisfy(criterion -> assertThat(criterion.message())
			.doesNotContain("{", ".passed", ".failed"));
		assertThat(assessment.breakdown()).extracting(Assessment.Points::code).containsExactly("S1", "S2");
		assertThat(assessment.points()).as("exactly four years in the sphere, nobody disabled").isEqualTo(20);
	}

	@Test
	void e1OnlyCitizensOfKazakhstan() {
		Applicant foreigner = new Applicant();
		foreigner.citizenship = "RU";
		assertThat(criterion(foreigner, "E1").passed()).isFalse();
		assertThat(assess(foreigner).eligible()).isFalse();
	}

	@Test
	void e2ThirtyFiveInclusiveOnTheSubmissionDateNotTheDayOfTheThirtySixthBirthday() {
		Applicant lastDay = new Applicant();
		lastDay.born = LocalDate.of(1987, 3, 2); // 36 the day after submission
		assertThat(criterion(lastDay, "E2").passed()).isTrue();
		assertThat(criterion(lastDay, "E2").inputs()).containsEntry("age", 35);

		Applicant birthday = new Applicant();
		birthday.born = LocalDate.of(1987, 3, 1); // 36 on the submission date
		assertThat(criterion(birthday, "E2").passed()).isFalse();

		Applicant oldSpouse = new Applicant(); // FAQ 1: only the applicant's age matters
		oldSpouse.family.set(0, new FamilyMember(FamilyMember.Relation.SPOUSE, LocalDate.of(1970, 1, 1), "ASTANA", true,
				null));
		assertThat(criterion(oldSpouse, "E2").passed()).isTrue();
	}

	@Test
	void e3ExactlyOneYearOfPermanentRegistrationInAstanaAndTheFamilyRegisteredThereToo() {
		Applicant exactlyAYear = new Applicant();
		exactlyAYear.registeredSince = LocalDate.of(2022, 3, 1);
		assertThat(criterion(exactlyAYear, "E3").passed()).isTrue();

		Applicant aDayShort = new Applicant();
		aDayShort.registeredSince = LocalDate.of(2022, 3, 2);
		assertThat(criterion(aDayShort, "E3").passed()).isFalse();
		assertThat(criterion(aDayShort, "E3").message()).contains("02.03.2022");

		Applicant temporary = new Applicant();
		temporary.permanent = false;
		assertThat(criterion(temporary, "E3").passed()).isFalse();

		Applicant elsewhere = new Applicant();
		elsewhere.city = "ALMATY";
		assertThat(criterion(elsewhere, "E3").passed()).isFalse();

		Applicant familyElsewhere = new Applicant(); // FAQ 11: family members permanently in Astana, any duration
		familyElsewhere.family.set(1, new FamilyMember(FamilyMember.Relation.CHILD, LocalDate.of(2018, 7, 1), "KARAGANDA",
				true, null));
		assertThat(criterion(familyElsewhere, "E3").passed()).isFalse();
		assertThat(criterion(familyElsewhere, "E3").inputs()).containsEntry("familyMembersRegisteredElsewhere", 1L);
	}

	@Test
	void e4TenPerCentOfTheLoanInOtbasyBankSummedOverTheFamily() {
		assertThat(criterion(new Applicant(), "E4").passed()).as("FAQ 18: 1,000,000 + 800,000 for 18 M").isTrue();

		Applicant aTiynShort = new Applicant();
		aTiynShort.deposits.set(1, new Deposit(Deposit.Holder.SPOUSE, "OTBASY", new BigDecimal("799999.99")));
		assertThat(criterion(aTiynShort, "E4").passed()).isFalse();

		Applicant otherBank = new Applicant(); // FAQ 17: only Otbasy bank
		otherBank.deposits.set(1, new Deposit(Deposit.Holder.SPOUSE, "HALYK", new BigDecimal("800000")));
		assertThat(criterion(otherBank, "E4").passed()).isFalse();

		Applicant smallerLoan = new Applicant();
		smallerLoan.loan = new BigDecimal("10000000");
		smallerLoan.deposits.clear();
		smallerLoan.deposits.add(new Deposit(Deposit.Holder.CHILD, "Otbasy", new BigDecimal("1000000")));
		assertThat(criterion(smallerLoan, "E4").passed()).as("a child's deposit counts; 10 % of 10 M").isTrue();
	}

	@Test
	void e5NoHousingInFiveYearsExceptAnEmergencyAdobeOrReedHouse() {
		Applicant owner = new Applicant();
		owner.property = new Facts.Property(true, false, false);
		assertThat(criterion(owner, "E5").passed()).isFalse();

		Applicant adobe = new Applicant();
		adobe.property = new Facts.Property(true, false, true);
		assertThat(criterion(adobe, "E5").passed()).isTrue();

		Applicant rentToOwn = new Applicant();
		rentToOwn.property = new Facts.Property(false, true, false);
		assertThat(criterion(rentToOwn, "E5").passed()).isFalse();
	}

	@Test
	void e6ExactlyOneYearAtAStateOrganizationInAstanaAsProfileStaffNotOnLeave() {
		assertThat(criterion(new Applicant().employedSince(LocalDate.of(2022, 3, 1)), "E6").passed()).isTrue();
		assertThat(criterion(new Applicant().employedSince(LocalDate.of(2022, 3, 2)), "E6").passed()).isFalse();

		assertThat(criterion(new Applicant().employment(Category.HEALTHCARE, "ASTANA", true, true, true), "E6").passed())
			.as("FAQ 3: maternity leave").isFalse();
		assertThat(criterion(new Applicant().employment(Category.HEALTHCARE, "ASTANA", true, false, false), "E6")
			.passed()).as("FAQ 20: an accountant at a hospital").isFalse();
		assertThat(criterion(new Applicant().employment(Category.HEALTHCARE, "KOSSHY", true, true, false), "E6").passed())
			.as("FAQ 12: the surrounding region is not Astana").isFalse();
		assertThat(criterion(new Applicant().employment(Category.HEALTHCARE, "ASTANA", false, true, false), "E6")
			.passed()).as("FAQ 16: a private clinic").isFalse();

		Applicant noEmployment = new Applicant();
		noEmployment.employment = null;
		assertThat(criterion(noEmployment, "E6").passed()).isFalse();
	}

	@Test
	void e6HealthcareAndEducationNeedTheMatchingHigherOrVocationalEducationOthersDoNot() {
		Applicant secondary = new Applicant();
		secondary.education = new Facts.Education(Facts.Education.Level.SECONDARY, true);
		assertThat(criterion(secondary, "E6").passed()).isFalse();

		Applicant vocational = new Applicant();
		vocational.education = new Facts.Education(Facts.Education.Level.VOCATIONAL, true);
		assertThat(criterion(vocational, "E6").passed()).isTrue();

		Applicant otherProfile = new Applicant();
		otherProfile.education = new Facts.Education(Facts.Education.Level.HIGHER, false);
		assertThat(criterion(otherProfile, "E6").passed()).isFalse();

		Applicant culture = new Applicant().employment(Category.CULTURE, "ASTANA", true, true, false);
		culture.category = Category.CULTURE;
		culture.education = null;
		assertThat(criterion(culture, "E6").passed()).isTrue();
	}

	@ParameterizedTest(name = "family of {0}")
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6 })
	void e7IncomeExactlyAtTheLimitPassesAndOneTengeAboveFails(int members) {
		BigDecimal limit = new BigDecimal("243402").multiply(BigDecimal.valueOf(members)); // 6 × 40,567 (2023)
		assertThat(criterion(new Applicant().household(members, limit), "E7").passed()).isTrue();
		assertThat(criterion(new Applicant().household(members, limit.add(BigDecimal.ONE)), "E7").passed()).isFalse();
	}

	@Test
	void e7TheLimitIsTheEditionsAndTheAverageOverSixMonthsCounts() {
		Applicant in2022 = new Applicant().household(3, new BigDecimal("648324")); // 3 × 216,108
		in2022.submitted = LocalDate.of(2022, 6, 1);
		in2022.registeredSince = LocalDate.of(2020, 1, 1);
		assertThat(criterion(in2022, "E7").passed()).isTrue();
		assertThat(assess(in2022).edition()).isEqualTo("2022");
		in2022.income = List.of(new BigDecimal("648325"), new BigDecimal("648324"), new BigDecimal("648324"),
				new BigDecimal("648324"), new BigDecimal("648324"), new BigDecimal("648324"));
		assertThat(criterion(in2022, "E7").passed()).as("a tenge over in one month is a sixth of a tenge on average")
			.isFalse();

		Applicant sickMonth = new Applicant().household(3, new BigDecimal("800000")); // FAQ 24: a month without income
		sickMonth.income.set(2, BigDecimal.ZERO);
		assertThat(criterion(sickMonth, "E7").passed()).as("4,000,000 / 6 = 666,667 ≤ 730,206").isTrue();
		assertThat(criterion(sickMonth, "E7").inputs()).containsEntry("averageIncome", new BigDecimal("666666.67"))
			.containsEntry("limitPerMember", new BigDecimal("243402"));
	}

	@Test
	void e8TheSphereMustBeTheCategory() {
		Applicant teacherAsNurse = new Applicant().employment(Category.EDUCATION, "ASTANA", true, true, false);
		assertThat(criterion(teacherAsNurse, "E8").passed()).isFalse();
	}

	@Test
	void orphansNeedAstanasQueueAndNoSphereButGetPointsForAnyExperience() {
		Applicant orphan = new Applicant().employment(Category.SPORT, "ASTANA", false, false, false);
		orphan.category = Category.ORPHANS;
		orphan.orphanQueue = "ASTANA";
		Assessment assessment = assess(orphan);
		assertThat(assessment.criteria()).extracting(Assessment.Criterion::code)
			.containsExactly("LOAN_AMOUNT", "E1", "E2", "E3", "E4", "E5", "E7", "ORPHAN_QUEUE");
		assertThat(assessment.eligible()).isTrue();
		assertThat(assessment.breakdown()).extracting(Assessment.Points::code).containsExactly("S2", "S3");
		assertThat(assessment.points()).isEqualTo(20);

		orphan.orphanQueue = "SEMEY"; // FAQ 19
		assertThat(criterion(orphan, "ORPHAN_QUEUE").passed()).isFalse();
	}

	@ParameterizedTest(name = "since {0}: {1} points")
	@CsvSource({ "2023-03-01, 0", "2022-03-02, 3", "2022-03-01, 5", "2022-02-28, 8", "2019-03-01, 20",
			"2019-02-28, 23" })
	void s1FivePointsAFullYearAndThreeForTheIncompleteOne(LocalDate since, int points) {
		assertThat(points(new Applicant().employedSince(since), "S1")).isEqualTo(points);
	}

	@Test
	void s2TenPointsForEachDisabledFamilyMember() {
		Applicant family = new Applicant();
		family.disability = 3;
		family.family.set(1, new FamilyMember(FamilyMember.Relation.CHILD, LocalDate.of(2018, 7, 1), "ASTANA", true, 1));
		assertThat(points(family, "S2")).isEqualTo(20);
		assertThat(points(new Applicant(), "S2")).isZero();
	}

	@Test
	void theLoanMustBeWithinTheProgrammesLimits() {
		Applicant most = new Applicant();
		assertThat(criterion(most, "LOAN_AMOUNT").passed()).isTrue();
		most.loan = new BigDecimal("18000001");
		assertThat(criterion(most, "LOAN_AMOUNT").passed()).isFalse();
	}

	@Test
	void theEditionIsTheOneInEffectOnTheSubmissionDate() {
		Applicant lastDayOf2022 = new Applicant();
		lastDayOf2022.submitted = LocalDate.of(2022, 12, 31);
		lastDayOf2022.registeredSince = LocalDate.of(2020, 1, 1);
		assertThat(assess(lastDayOf2022).edition()).isEqualTo("2022");
		lastDayOf2022.submitted = LocalDate.of(2023, 1, 1);
		assertThat(assess(lastDayOf2022).edition()).isEqualTo("2023");

		Applicant tooEarly = new Applicant();
		tooEarly.submitted = LocalDate.of(2021, 12, 31);
		assertThatThrownBy(() -> assess(tooEarly)).isInstanceOf(Programmes.NoEdition.class);
		assertThatThrownBy(() -> ENGINE.assess("elorda", new Applicant().facts(), RU))
			.isInstanceOf(Programmes.UnknownProgramme.class);
	}

	@Test
	void everySentenceExistsInKazakhAndEnglishToo() {
		Applicant failsEverything = new Applicant().employment(Category.EDUCATION, "ALMATY", false, false, true);
		failsEverything.citizenship = "RU";
		failsEverything.permanent = false;
		failsEverything.property = new Facts.Property(true, true, false);
		failsEverything.deposits.clear();
		failsEverything.education = null;
		for (Locale language : List.of(RU, Locale.of("kk"), Locale.ENGLISH)) {
			Assessment assessment = ENGINE.assess("elorda-zhastary", failsEverything.facts(), language);
			assertThat(assessment.criteria()).allSatisfy(criterion -> assertThat(criterion.message())
				.doesNotContain("{").doesNotContainPattern("^[a-z-]+\\.(passed|failed|reason)"));
			assertThat(assessment.breakdown()).allSatisfy(points -> assertThat(points.message()).doesNotContain("{"));
		}
		assertThat(ENGINE.assess("elorda-zhastary", failsEverything.facts(), Locale.of("kk")).criteria().get(1).message())
			.isNotEqualTo(ENGINE.assess("elorda-zhastary", failsEverything.facts(), RU).criteria().get(1).message());
	}

	static Assessment assess(Applicant applicant) {
		return ENGINE.assess("elorda-zhastary", applicant.facts(), RU);
	}

	static Assessment.Criterion criterion(Applicant applicant, String code) {
		return assess(applicant).criteria().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	static int points(Applicant applicant, String code) {
		return assess(applicant).breakdown().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow()
			.points();
	}
}
