package kz.khc.notification.messages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTest {

	@Test
	void latinTextTakes160CharactersInOneSmsAnd153PerPartBeyond() {
		assertThat(SmsText.gsm7("Code: 123456. Valid 5 min.")).isTrue();
		assertThat(SmsText.parts("a".repeat(160))).isEqualTo(1);
		assertThat(SmsText.parts("a".repeat(161))).isEqualTo(2);
		assertThat(SmsText.parts("a".repeat(306))).isEqualTo(2);
		assertThat(SmsText.parts("a".repeat(307))).isEqualTo(3);
	}

	@Test
	void extensionCharactersCountTwice() {
		assertThat(SmsText.units("[]")).isEqualTo(4);
		assertThat(SmsText.parts("a".repeat(158) + "€")).isEqualTo(1);
		assertThat(SmsText.parts("a".repeat(159) + "€")).isEqualTo(2);
	}

	@Test
	void cyrillicAndKazakhLettersMakeTheWholeTextUcs2With70And67() {
		assertThat(SmsText.gsm7("Код")).isFalse();
		assertThat(SmsText.parts("ж".repeat(70))).isEqualTo(1);
		assertThat(SmsText.parts("ж".repeat(71))).isEqualTo(2);
		assertThat(SmsText.parts("ә".repeat(134))).isEqualTo(2);
		assertThat(SmsText.parts("ә".repeat(135))).isEqualTo(3);
		// one Kazakh letter in a Latin text makes it UCS-2 too
		assertThat(SmsText.parts("a".repeat(70) + "ғ")).isEqualTo(2);
	}

	@Test
	void aTooLongTextIsCutAtAWordWithAnEllipsis() {
		String text = "Слово ".repeat(40).strip();
		String fitted = SmsText.fit(text, 2);
		assertThat(SmsText.parts(fitted)).isEqualTo(2);
		assertThat(fitted).endsWith("Слово…").hasSizeLessThanOrEqualTo(134);
		assertThat(SmsText.fit("Коротко", 1)).isEqualTo("Коротко");
	}
}
