package kz.khc.notification.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

	static final Templates templates = new Templates();

	static final int MAX_SMS_PARTS = 3;

	/** The longest values each message is sent with. */
	static final Map<MessageKind, Object[]> LONGEST = Map.ofEntries(
			Map.entry(MessageKind.APPLICATION_RECEIVED,
					args("EZ-2026-999999", ProgrammeCategory.UNIVERSITIES_AND_RESEARCH, Instant.now())),
			Map.entry(MessageKind.APPLICATION_VERIFIED,
					args("EZ-2026-999999", ProgrammeCategory.MUNICIPAL_ENTERPRISES, 125)),
			Map.entry(MessageKind.APPLICATION_REJECTED, args("EZ-2026-999999", "E4", "x".repeat(500))),
			Map.entry(MessageKind.DIRECTION_ISSUED, args("EZD-2026-999999", LocalDate.of(2026, 12, 31), 1250,
					ProgrammeCategory.UNIVERSITIES_AND_RESEARCH, 125, "K7QX-4M2P-9TZD")),
			Map.entry(MessageKind.BANK_VISIT_REMINDER, args("EZD-2026-999999", LocalDate.of(2026, 12, 31))),
			Map.entry(MessageKind.DIRECTION_EXPIRED, args("EZD-2026-999999", LocalDate.of(2026, 12, 31))),
			Map.entry(MessageKind.DIRECTION_ANNULLED, args("EZD-2026-999999", "x".repeat(500))),
			Map.entry(MessageKind.QUALIFICATION_PASSED, args("EZD-2026-999999", LocalDate.of(2026, 12, 31))),
			Map.entry(MessageKind.QUALIFICATION_FAILED, args("EZD-2026-999999")),
			Map.entry(MessageKind.HOUSING_REMINDER, args("EZD-2026-999999", LocalDate.of(2026, 12, 31))),
			Map.entry(MessageKind.LOAN_ISSUED, args("EZD-2026-999999")),
			Map.entry(MessageKind.EMAIL_VERIFICATION,
					args("https://elorda.example.kz/verify/" + "t".repeat(200), Instant.now(), "d***@example.kz")),
			Map.entry(MessageKind.PASSWORD_CHANGED, args(Instant.now())),
			Map.entry(MessageKind.ACCOUNT_LOCKED, args(Instant.now(), 10)),
			Map.entry(MessageKind.ONE_TIME_CODE, args("123456", 5)));

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk", "en" })
	void everyMessageHasAllItsTextsInEachLanguageWithEveryValueFilledIn(String language) {
		assertThat(LONGEST).containsOnlyKeys(MessageKind.values());
		for (MessageKind kind : MessageKind.values()) {
			if (kind == MessageKind.ONE_TIME_CODE) {
				assertThat(templates.sms(kind, Locale.of(language), LONGEST.get(kind))).contains("123456");
				continue;
			}
			Templates.Rendered texts = templates.render(kind, Locale.of(language), LONGEST.get(kind));
			assertThat(texts.locale().getLanguage()).isEqualTo(language);
			assertThat(texts.subject()).as(kind + " subject").isNotBlank().doesNotContain("{");
			assertThat(texts.body()).as(kind + " body").isNotBlank().doesNotContain("{");
			assertThat(texts.inbox()).as(kind + " inbox").isNotBlank().doesNotContain("{");
			if (kind.channels().contains(Channel.SMS)) {
				assertThat(texts.sms()).as(kind + " sms").isNotBlank().doesNotContain("{");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk", "en" })
	void everySmsFitsTheProviderLimitWithItsLongestValues(String language) {
		for (MessageKind kind : MessageKind.values()) {
			if (!kind.channels().contains(Channel.SMS)) {
				continue;
			}
			String sms = kind == MessageKind.ONE_TIME_CODE ? templates.sms(kind, Locale.of(language), LONGEST.get(kind))
					: templates.render(kind, Locale.of(language), LONGEST.get(kind)).sms();
			assertThat(SmsText.parts(sms)).as(kind + " in " + language + ": " + sms).isLessThanOrEqualTo(MAX_SMS_PARTS);
		}
		// the code SMS goes in one part, so that it arrives whole and at once
		assertThat(SmsText.parts(templates.sms(MessageKind.ONE_TIME_CODE, Locale.of(language), "123456", 5)))
			.isEqualTo(1);
	}

	@Test
	void valuesAreWrittenAsPeopleHereWriteThem() {
		Templates.Rendered kazakh = templates.render(MessageKind.DIRECTION_ISSUED, Locale.of("kk"), "EZD-2026-000007",
				LocalDate.of(2026, 5, 19), 7, ProgrammeCategory.HEALTHCARE, 18, "K7QX");
		assertThat(kazakh.sms()).contains("19.05.2026").contains("жолдама");
		assertThat(kazakh.body()).contains("Денсаулық сақтау").contains("K7QX");
		Templates.Rendered russian = templates.render(MessageKind.PASSWORD_CHANGED, Locale.of("ru"),
				Instant.parse("2026-03-05T11:12:13Z"));
		assertThat(russian.sms()).as("Astana time, UTC+5").contains("05.03.2026 16:12");
	}

	@Test
	void aLanguageWeDoNotWriteInGetsRussianWhateverTheMachineLocale() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.ENGLISH);
			Templates.Rendered texts = templates.render(MessageKind.LOAN_ISSUED, Locale.GERMAN, "EZD-1");
			assertThat(texts.locale().getLanguage()).isEqualTo("ru");
			assertThat(texts.subject()).isEqualTo("Заём выдан");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void theInboxCopyOfASecretLinkDoesNotHoldTheLink() {
		Templates.Rendered texts = templates.render(MessageKind.EMAIL_VERIFICATION, Locale.of("en"),
				"https://elorda.example.kz/verify/secret-token", Instant.now(), "d***@example.kz");
		assertThat(texts.body()).contains("secret-token");
		assertThat(texts.inbox()).doesNotContain("secret-token").contains("d***@example.kz");
	}

	private static Object[] args(Object... values) {
		return values;
	}
}
