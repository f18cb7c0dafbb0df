package kz.khc.notification.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectionLetterTest {

	private static final String[] BUNDLE_FILES = { "letter.properties", "letter_kk.properties",
			"letter_en.properties" };
	/** Every letter of the Kazakh alphabet that Russian lacks, both cases: applicants' names use them. */
	private static final String KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";

	private static final DirectionLetter.Content CONTENT = new DirectionLetter.Content(
			"Құрманғазиева Әйгерім Нұрланқызы", "960315450127", "EZD-2026-000123", "EZ-2026-004517",
			"Денсаулық сақтау", 17, 42, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17), "7KQ4-M2XP",
			"https://elorda.khc.kz/verify");

	static Stream<Arguments> languages() {
		return Stream.of(
				Arguments.of(Locale.of("ru"), "Направление № EZD-2026-000123", "Место в ранжированном списке 17",
						"Количество баллов 42", "не позднее 17.03.2026", "«Отбасы банк» на оценку платёжеспособности"),
				Arguments.of(Locale.of("kk"), "Жолдама № EZD-2026-000123", "Рейтингтік тізімдегі орны 17",
						"Балл саны 42", "17.03.2026 дейін", "«Отбасы банк» АҚ-ға жолдама"),
				Arguments.of(Locale.ENGLISH, "Direction No. EZD-2026-000123", "Position in the ranked list 17",
						"Points 42", "no later than 17.03.2026",
						"Direction to Otbasy bank JSC for the solvency assessment"));
	}

	@ParameterizedTest
	@MethodSource("languages")
	void theLetterSaysWhoGoesToTheBankByWhenAndHowTheBankChecksIt(Locale locale, String title, String position,
			String points, String deadline, String subject) throws IOException {
		byte[] pdf = DirectionLetter.render(CONTENT, locale);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = text(document);
			assertThat(text).contains(title, "Құрманғазиева Әйгерім Нұрланқызы", "960315450127", "EZ-2026-004517",
					"Денсаулық сақтау", position, points, "02.03.2026", deadline, "300", "7KQ4-M2XP",
					"https://elorda.khc.kz/verify");
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(locale.getLanguage());
			PDDocumentInformation info = document.getDocumentInformation();
			assertThat(info.getTitle()).isEqualTo(title);
			assertThat(info.getAuthor()).isEqualTo("Elorda Zhastary");
			assertThat(info.getSubject()).contains(subject);
			assertThat(info.getCreationDate()).isNotNull();
		}
	}

	@Test
	void eachLanguageHasItsOwnWording() throws IOException {
		assertThat(text(DirectionLetter.render(CONTENT, Locale.of("ru"))))
			.contains("Акимат города Астаны — программа «Елорда жастары»", "Заявитель", "ИИН",
					"Контакт-центр АО «Отбасы банк»: 300", "Код проверки: 7KQ4-M2XP")
			.doesNotContain("Жолдама", "Direction");
		assertThat(text(DirectionLetter.render(CONTENT, Locale.of("kk"))))
			.contains("Астана қаласының әкімдігі — «Елорда жастары» бағдарламасы", "Өтініш беруші", "ЖСН",
					"байланыс орталығы: 300", "Тексеру коды: 7KQ4-M2XP")
			.doesNotContain("Направление", "Direction");
		// The apostrophe is doubled in the bundle (MessageFormat): the letter shows one.
		assertThat(text(DirectionLetter.render(CONTENT, Locale.ENGLISH)))
			.contains("Akimat of Astana — Elorda Zhastary programme", "Applicant", "IIN",
					"The bank's contact centre: 300", "Verification code: 7KQ4-M2XP",
					"The bank checks this letter with the code at https://elorda.khc.kz/verify")
			.doesNotContain("Направление", "Жолдама");
	}

	@Test
	void anyOtherLanguageGetsTheRussianLetterWhateverTheServersDefaultLocale() throws IOException {
		Locale server = Locale.getDefault();
		Locale.setDefault(Locale.ENGLISH);
		try {
			for (Locale other : List.of(Locale.GERMAN, Locale.forLanguageTag("uz-Latn-UZ"), Locale.ROOT,
					Locale.forLanguageTag("ru-KZ"))) {
				byte[] pdf = DirectionLetter.render(CONTENT, other);
				try (PDDocument document = Loader.loadPDF(pdf)) {
					assertThat(text(document)).contains("Направление № EZD-2026-000123");
					assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ru");
				}
				assertThat(DirectionLetter.fileName(CONTENT, other)).isEqualTo("napravlenie-EZD-2026-000123.pdf");
			}
			assertThat(text(DirectionLetter.render(CONTENT, Locale.forLanguageTag("kk-KZ"))))
				.contains("Жолдама № EZD-2026-000123");
		}
		finally {
			Locale.setDefault(server);
		}
	}

	@Test
	void theFontIsLiberationSansEmbeddedAsASubset() throws IOException {
		try (PDDocument document = Loader.loadPDF(DirectionLetter.render(CONTENT, Locale.of("kk")))) {
			PDResources resources = document.getPage(0).getResources();
			List<PDFont> fonts = new ArrayList<>();
			for (COSName name : resources.getFontNames()) {
				fonts.add(resources.getFont(name));
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).isTrue();
				assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans");
			});
		}
	}

	/** Every character of every text in every language, and every Kazakh letter, has a glyph in the font. */
	@Test
	void theFontHasAGlyphForEveryCharacterOfTheBundlesAndTheKazakhAlphabet() throws IOException {
		try (PDDocument document = new PDDocument();
				InputStream ttf = DirectionLetter.class.getResourceAsStream(DirectionLetter.FONT_RESOURCE)) {
			assertThat(ttf).as("PDFBox's jar ships " + DirectionLetter.FONT_RESOURCE).isNotNull();
			PDType0Font font = PDType0Font.load(document, ttf, false);
			List<String> missing = new ArrayList<>();
			StringBuilder checked = new StringBuilder(KAZAKH_LETTERS);
			for (String file : BUNDLE_FILES) {
				for (String value : bundle(file).stringPropertyNames().stream().map(bundle(file)::getProperty)
					.toList()) {
					checked.append(value);
				}
			}
			checked.codePoints().distinct().forEach(c -> {
				String character = Character.toString(c);
				try {
					font.encode(character);
				}
				catch (IllegalArgumentException | IOException ex) {
					missing.add(character + " U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT));
				}
			});
			assertThat(missing).as("characters without a glyph in Liberation Sans").isEmpty();
			assertThat(checked.toString()).contains("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і");
		}
	}

	@Test
	void everyLanguageDefinesEveryText() throws IOException {
		Properties russian = bundle("letter.properties");
		assertThat(russian.stringPropertyNames()).contains("title", "issuer", "instruction", "contact",
				"verification.code", "verification.note", "file.prefix");
		for (String file : BUNDLE_FILES) {
			assertThat(bundle(file).stringPropertyNames()).as(file)
				.containsExactlyInAnyOrderElementsOf(russian.stringPropertyNames());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ru", "kk", "en", "de" })
	void fileNamesAreAscii(String language) {
		Locale locale = Locale.of(language);
		assertThat(DirectionLetter.fileName(CONTENT, locale)).matches("[a-z]+-EZD-2026-000123\\.pdf");
		DirectionLetter.Content odd = new DirectionLetter.Content("Ә", "960315450127", "ЕЗД 2026/12 «б»", "EZ-1",
				"Спорт", 1, 0, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17), "X", "https://e.kz");
		assertThat(DirectionLetter.fileName(odd, locale)).matches("[A-Za-z0-9.-]+").endsWith("-2026-12.pdf");
	}

	@Test
	void fileNamesNameTheLetterInItsLanguage() {
		assertThat(DirectionLetter.fileName(CONTENT, Locale.of("ru"))).isEqualTo("napravlenie-EZD-2026-000123.pdf");
		assertThat(DirectionLetter.fileName(CONTENT, Locale.of("kk"))).isEqualTo("zholdama-EZD-2026-000123.pdf");
		assertThat(DirectionLetter.fileName(CONTENT, Locale.ENGLISH)).isEqualTo("direction-EZD-2026-000123.pdf");
	}

	@Test
	void longValuesWrapAndStillFitOnePage() throws IOException {
		DirectionLetter.Content longer = new DirectionLetter.Content(
				"Құрманғазиева-Сейітжаппарова Әйгерім-Гүлнұр Нұрланқызы Абдрахманова-Ғабдуллина", "960315450127",
				"EZD-2026-000123", "EZ-2026-004517",
				"Жоғары оқу орындары мен ғылыми-зерттеу институттарының қызметкерлері", 1234, 118,
				LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17), "7KQ4-M2XP",
				"https://elorda.khc.kz/verify/directions/EZD-2026-000123?code=7KQ4-M2XP&lang=kk&source=email-letter");
		try (PDDocument document = Loader.loadPDF(DirectionLetter.render(longer, Locale.of("kk")))) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(text(document)).contains("Абдрахманова-Ғабдуллина", "институттарының", "1234", "118");
		}
	}

	@Test
	void aCharacterTheFontLacksDoesNotStopTheLetter() throws IOException {
		DirectionLetter.Content chinese = new DirectionLetter.Content("Ли 李 Вэй\nтест", "960315450127",
				"EZD-2026-000124", "EZ-2026-004518", "Спорт", 3, 20, LocalDate.of(2026, 3, 2),
				LocalDate.of(2026, 3, 17), "AB12", "https://elorda.khc.kz/verify");
		assertThat(text(DirectionLetter.render(chinese, Locale.of("ru")))).contains("Ли ? Вэй тест");
	}

	@Test
	void contentThatCannotBeADirectionIsRefused() {
		assertThatThrownBy(() -> new DirectionLetter.Content("A", "960315450127", "D", "A", "C", 0, 1,
				LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 17), "X", "u"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DirectionLetter.Content("A", "960315450127", "D", "A", "C", 1, 1,
				LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 2), "X", "u"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Size and speed for the record (not asserted beyond the subset staying small): 50 renders after warm-up. */
	@Test
	void renderingIsSmallAndQuick() {
		for (int i = 0; i < 20; i++) {
			DirectionLetter.render(CONTENT, Locale.of("kk"));
		}
		long start = System.nanoTime();
		int size = 0;
		for (int i = 0; i < 50; i++) {
			size = DirectionLetter.render(CONTENT, i % 3 == 0 ? Locale.ENGLISH : Locale.of("kk")).length;
		}
		double millis = (System.nanoTime() - start) / 1e6 / 50;
		System.out.printf("DirectionLetter: %d bytes, %.1f ms a render (mean of 50 after warm-up)%n", size, millis);
		// The whole font is 410 KB: a letter this small proves the font is subset, not embedded whole.
		assertThat(size).isLessThan(60_000);
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return text(document);
		}
	}

	/** The page's text with every run of white space as one space. */
	private static String text(PDDocument document) throws IOException {
		return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
	}

	private static Properties bundle(String file) throws IOException {
		try (InputStream in = DirectionLetter.class.getResourceAsStream(file)) {
			assertThat(in).as(file).isNotNull();
			Properties properties = new Properties();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			return properties;
		}
	}
}
