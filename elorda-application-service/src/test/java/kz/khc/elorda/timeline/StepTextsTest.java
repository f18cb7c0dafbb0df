package kz.khc.elorda.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.contracts.scoring.v1.BankOutcome;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What each step says, in every language, without Spring. */
class StepTextsTest {

	static final Locale RU = Locale.of("ru");
	static final Locale KK = Locale.of("kk");
	static final Locale EN = Locale.ENGLISH;
	static final UUID APPLICATION = UUID.fromString("7d1f0c52-1a7e-4b4f-8f7e-2b7c9b0f4e21");
	static final UUID DIRECTION = UUID.fromString("2f3e4d5c-6b7a-4898-a1b2-c3d4e5f60718");

	final StepTexts texts = new StepTexts();

	@Test
	void aSubmissionNamesTheNumberAndTheCategory() {
		Step step = step(Step.Kind.SUBMITTED,
				new Step.Details.Submitted("EZ-2026-000042", ProgrammeCategory.HEALTHCARE));

		assertThat(texts.of(step, RU)).isEqualTo(new StepTexts.Text("Заявка подана",
				"Заявка EZ-2026-000042 на участие в программе «Елорда жастары» подана в категории «Здравоохранение». "
						+ "Исправить поданную заявку нельзя."));
		assertThat(texts.of(step, KK).title()).isEqualTo("Өтінім берілді");
		assertThat(texts.of(step, KK).description()).contains("«Денсаулық сақтау» санатында");
		assertThat(texts.of(step, EN).description()).contains("category \"Healthcare\"");
	}

	@Test
	void anEligibleAssessmentGivesThePoints() {
		Step step = assessed(true, List.of(), 33);

		assertThat(texts.of(step, RU)).isEqualTo(new StepTexts.Text("Заявка оценена автоматически",
				"Условия программы выполнены, баллов: 33. Окончательное решение акимат примет после проверки."));
		assertThat(texts.of(step, EN).description()).startsWith("The conditions of the programme are met, 33 points.");
	}

	@Test
	void anIneligibleAssessmentNamesEachUnmetCriterionAndAnUnknownCodeAsItIs() {
		Step step = assessed(false, List.of("E4", "E7", "X9"), 0);

		assertThat(texts.of(step, RU).description()).isEqualTo("Не выполнены условия программы: вклады в Отбасы банке "
				+ "не меньше 10 % займа; доход на члена семьи не выше 6 прожиточных минимумов; X9. Окончательное решение "
				+ "акимат примет после проверки.");
		assertThat(texts.of(step, KK).description()).contains("Отбасы банктегі салымдар қарыздың кемінде 10 %",
				"отбасының бір мүшесіне табыс");
		assertThat(texts.of(step, EN).description()).contains(
				"Otbasy bank deposits of at least 10 % of the loan; income per family member at most 6 subsistence "
						+ "minimums; X9.");
	}

	@Test
	void aVerificationGivesTheCategoryAndPoints() {
		Step step = step(Step.Kind.VERIFIED, new Step.Details.Verified("EZ-2026-000042", ProgrammeCategory.EDUCATION,
				18));

		assertThat(texts.of(step, RU).title()).isEqualTo("Заявка проверена акиматом");
		assertThat(texts.of(step, RU).description()).startsWith(
				"Заявка EZ-2026-000042 допущена к участию в категории «Образование», баллов: 18.");
		assertThat(texts.of(step, KK).title()).isEqualTo("Өтінімді әкімдік тексерді");
		assertThat(texts.of(step, EN).title()).isEqualTo("Application verified by the akimat");
	}

	@Test
	void aRejectionNamesTheConditionAndQuotesTheOfficerVerbatim() {
		String comment = "Вклад O'Brien {0} меньше 1 800 000";
		Step step = step(Step.Kind.REJECTED, new Step.Details.Rejected("EZ-2026-000043", "E4", comment));

		assertThat(texts.of(step, RU)).isEqualTo(new StepTexts.Text("Заявка отклонена акиматом",
				"Не выполнено условие «вклады в Отбасы банке не меньше 10 % займа». Комментарий акимата: " + comment));
		assertThat(texts.of(step, EN).description()).isEqualTo(
				"Condition not met: Otbasy bank deposits of at least 10 % of the loan. The akimat's comment: " + comment);
		assertThat(texts.of(step(Step.Kind.REJECTED, new Step.Details.Rejected("EZ-2026-000043", "DOCUMENTS", "—")), KK)
			.description()).startsWith("«құжаттар топтамасының толық және дұрыс болуы» шарты орындалмады.");
	}

	@Test
	void aDirectionGivesItsNumberAndTheDayToComeBy() {
		Step step = step(Step.Kind.DIRECTION_ISSUED, new Step.Details.DirectionIssued(DIRECTION, "EZD-2026-000007", 7,
				18, LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 12)));

		assertThat(texts.of(step, RU)).isEqualTo(new StepTexts.Text("Выдано направление в Отбасы банк",
				"Направление в Отбасы банк № EZD-2026-000007: явиться до 12.12.2026 для оценки платёжеспособности. "
						+ "Место в списке: 7."));
		assertThat(texts.of(step, KK).description()).contains("№ EZD-2026-000007", "12.12.2026 дейін келіңіз");
		assertThat(texts.of(step, EN).description()).contains("No. EZD-2026-000007", "by 12.12.2026");
	}

	@Test
	void anExpiredOrAnnulledDirectionSaysWhy() {
		Step expired = step(Step.Kind.DIRECTION_EXPIRED, new Step.Details.DirectionExpired(DIRECTION,
				"EZD-2026-000007", LocalDate.of(2026, 5, 19), LocalDate.of(2026, 5, 20)));
		Step annulled = step(Step.Kind.DIRECTION_ANNULLED, new Step.Details.DirectionAnnulled(DIRECTION,
				"EZD-2026-000007", "Не явился в банк", LocalDate.of(2026, 5, 21)));

		assertThat(texts.of(expired, RU).description()).startsWith(
				"По направлению № EZD-2026-000007 нужно было обратиться до 19.05.2026; срок истёк 20.05.2026.");
		assertThat(texts.of(annulled, EN)).isEqualTo(new StepTexts.Text("Direction annulled",
				"The akimat annulled direction No. EZD-2026-000007. Reason: Не явился в банк"));
	}

	@Test
	void aPassedQualificationGivesTheHousingDeadlineIfThereIsOne() {
		Step withDeadline = bank(BankOutcome.QUALIFICATION_PASSED, LocalDate.of(2026, 7, 11));
		Step without = bank(BankOutcome.QUALIFICATION_PASSED, null);

		assertThat(texts.of(withDeadline, RU).title()).isEqualTo("Платёжеспособность подтверждена");
		assertThat(texts.of(withDeadline, RU).description()).endsWith("принесите документы в банк до 11.07.2026.");
		assertThat(texts.of(without, RU).description()).endsWith("принесите документы в банк.");
		assertThat(texts.of(without, EN).description()).endsWith("bring its documents to the bank.");
	}

	@Test
	void eachBankOutcomeHasItsOwnTitle() {
		assertThat(Stream.of(BankOutcome.values()).map(outcome -> texts.of(bank(outcome, null), RU).title()))
			.containsExactly("Вы обратились в Отбасы банк", "Платёжеспособность подтверждена",
					"Платёжеспособность не подтверждена", "Документы на жильё приняты", "Заём выдан");
	}

	static Stream<Step> everyStep() {
		return Stream.concat(Stream.of(step(Step.Kind.SUBMITTED,
				new Step.Details.Submitted("EZ-2026-000042", ProgrammeCategory.ORPHANS)), assessed(true, List.of(), 5),
				assessed(false, List.of("LOAN_AMOUNT", "E1", "E2", "E3", "E5", "E6", "E8", "ORPHAN_QUEUE"), 0),
				step(Step.Kind.VERIFIED, new Step.Details.Verified("EZ-2026-000042", ProgrammeCategory.MEDIA, 3)),
				step(Step.Kind.REJECTED, new Step.Details.Rejected("EZ-2026-000042", "E6", "—")),
				step(Step.Kind.DIRECTION_ISSUED, new Step.Details.DirectionIssued(DIRECTION, "EZD-1", 1, 3,
						LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 19))),
				step(Step.Kind.DIRECTION_EXPIRED, new Step.Details.DirectionExpired(DIRECTION, "EZD-1",
						LocalDate.of(2026, 5, 19), LocalDate.of(2026, 5, 20))),
				step(Step.Kind.DIRECTION_ANNULLED, new Step.Details.DirectionAnnulled(DIRECTION, "EZD-1", "—",
						LocalDate.of(2026, 5, 21)))),
				Stream.of(BankOutcome.values()).map(outcome -> bank(outcome, LocalDate.of(2026, 7, 11))));
	}

	@ParameterizedTest
	@MethodSource("everyStep")
	void everyStepIsToldInEachLanguageWithEveryCriterionNamed(Step step) {
		StepTexts.Text ru = texts.of(step, RU);
		StepTexts.Text kk = texts.of(step, KK);
		StepTexts.Text en = texts.of(step, EN);

		for (StepTexts.Text text : List.of(ru, kk, en)) {
			assertThat(text.title()).isNotBlank();
			assertThat(text.description()).isNotBlank().doesNotContain("{", "}", "LOAN_AMOUNT", "E1", "ORPHAN_QUEUE");
		}
		assertThat(kk).isNotEqualTo(ru);
		assertThat(en).isNotEqualTo(ru);
		assertThat(en.title() + en.description()).matches("[\\p{ASCII}«»—–]*");
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "fr-FR", "" })
	void anotherLanguageGetsRussian(String tag) {
		Step step = assessed(true, List.of(), 33);

		assertThat(texts.of(step, Locale.forLanguageTag(tag))).isEqualTo(texts.of(step, RU));
	}

	@Test
	void aRegionalLanguageTagGetsItsLanguage() {
		Step step = assessed(true, List.of(), 33);

		assertThat(texts.of(step, Locale.forLanguageTag("kk-KZ"))).isEqualTo(texts.of(step, KK));
		assertThat(texts.of(step, Locale.forLanguageTag("en-GB"))).isEqualTo(texts.of(step, EN));
	}

	@Test
	void theTranslationsHaveEveryTextOfTheRussianAndNoOther() throws IOException {
		Properties ru = bundle("steps.properties");

		assertThat(bundle("steps_kk.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
		assertThat(bundle("steps_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
		assertThat(Stream.of(ProgrammeCategory.values()).map(category -> "category." + category.name()))
			.allMatch(ru::containsKey);
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = StepTextsTest.class.getResourceAsStream("/kz/khc/elorda/timeline/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static Step assessed(boolean eligible, List<String> failed, int points) {
		return step(Step.Kind.ASSESSED, new Step.Details.Assessed("EZ-2026-000042", eligible, points, failed,
				List.of(new Step.Details.Assessed.Points("S1", points)), "3f9c2a7b1d04", "2026",
				LocalDate.of(2026, 3, 2)));
	}

	private static Step bank(BankOutcome outcome, @Nullable LocalDate housingDeadline) {
		return step(Step.Kind.BANK_OUTCOME,
				new Step.Details.BankOutcomeRecorded(DIRECTION, "EZD-2026-000007", outcome, housingDeadline));
	}

	private static Step step(Step.Kind kind, Step.Details details) {
		return new Step(APPLICATION, kind, Instant.parse("2026-05-04T04:30:00Z"), details);
	}
}
