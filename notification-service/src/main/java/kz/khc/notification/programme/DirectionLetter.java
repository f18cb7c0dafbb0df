package kz.khc.notification.programme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The «Направление» (direction) to Otbasy bank as a one-page A4 PDF letter in the applicant's language (ru, kk or
 * en; anything else gets Russian): who is directed, their place in the ranked list, the date by which they must come
 * to the bank for the solvency assessment (rule A2), the bank's contact centre and the code with which the bank
 * checks the letter.
 * <p>
 * All text comes from {@code letter*.properties} (UTF-8, {@link MessageFormat} patterns). The font is Liberation
 * Sans, which PDFBox ships in its own jar and which covers Russian and Kazakh Cyrillic; it is embedded as a subset,
 * so the letter looks the same on any reader and the text can be copied and searched.
 */
final class DirectionLetter {

	static final String BUNDLE = "kz.khc.notification.programme.letter";
	static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
	static final String AUTHOR = "Elorda Zhastary";

	private static final Locale RUSSIAN = Locale.of("ru");
	private static final Locale KAZAKH = Locale.of("kk");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	private static final byte[] FONT = readFont();

	// Layout in points (A4 is 595 × 842).
	private static final float MARGIN = 57; // 20 mm
	private static final float SMALL = 10;
	private static final float BODY = 11;
	private static final float LEADING = 1.45f;
	private static final float TITLE = 18;
	private static final float CODE = 14;
	private static final float GREY = 0.35f;

	/**
	 * What the letter says. {@code category} is already in the letter's language; {@code position} is the place in
	 * the category's ranked list, from 1.
	 */
	record Content(String applicantName, String applicantIin, String directionNumber, String applicationNumber,
			String category, int position, int points, LocalDate issuedOn, LocalDate bankVisitDeadline,
			String verificationCode, String verificationUrl) {

		Content {
			Objects.requireNonNull(applicantName, "applicantName");
			Objects.requireNonNull(applicantIin, "applicantIin");
			Objects.requireNonNull(directionNumber, "directionNumber");
			Objects.requireNonNull(applicationNumber, "applicationNumber");
			Objects.requireNonNull(category, "category");
			Objects.requireNonNull(issuedOn, "issuedOn");
			Objects.requireNonNull(bankVisitDeadline, "bankVisitDeadline");
			Objects.requireNonNull(verificationCode, "verificationCode");
			Objects.requireNonNull(verificationUrl, "verificationUrl");
			if (position < 1) {
				throw new IllegalArgumentException("position in the ranked list starts at 1: " + position);
			}
			if (points < 0) {
				throw new IllegalArgumentException("points cannot be negative: " + points);
			}
			if (bankVisitDeadline.isBefore(issuedOn)) {
				throw new IllegalArgumentException(
						"bank visit deadline " + bankVisitDeadline + " is before the issue date " + issuedOn);
			}
		}
	}

	private DirectionLetter() {
	}

	/** The letter as PDF bytes, in {@code locale}'s language: ru, kk or en; any other language gets Russian. */
	static byte[] render(Content content, Locale locale) {
		Locale language = language(locale);
		Texts texts = new Texts(language);
		try (PDDocument document = new PDDocument();
				TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT))) {
			PDType0Font font = PDType0Font.load(document, ttf, true);
			describe(document, content, texts, language);
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				write(new Sheet(stream, font, ttf.getUnicodeCmapLookup(), page.getMediaBox()), content, texts);
			}
			ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
			document.save(pdf);
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render direction " + content.directionNumber(), ex);
		}
	}

	/** The attachment's file name, ASCII only: {@code napravlenie-EZD-2026-000123.pdf}, {@code direction-…}. */
	static String fileName(Content content, Locale locale) {
		String prefix = new Texts(language(locale)).get("file.prefix");
		String number = Normalizer.normalize(content.directionNumber(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		return prefix + (number.isEmpty() ? "" : "-" + number) + ".pdf";
	}

	/** The supported language of {@code locale}: Russian unless it is Kazakh or English. */
	static Locale language(Locale locale) {
		return switch (locale.getLanguage()) {
			case "kk" -> KAZAKH;
			case "en" -> Locale.ENGLISH;
			default -> RUSSIAN;
		};
	}

	private static void describe(PDDocument document, Content content, Texts texts, Locale language) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(texts.get("title", content.directionNumber()));
		info.setAuthor(AUTHOR);
		info.setSubject(texts.get("subject"));
		info.setCreator(AUTHOR);
		info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now(ALMATY)));
		document.getDocumentCatalog().setLanguage(language.getLanguage());
		PDViewerPreferences viewer = new PDViewerPreferences(new COSDictionary());
		viewer.setDisplayDocTitle(true);
		document.getDocumentCatalog().setViewerPreferences(viewer);
	}

	private static void write(Sheet sheet, Content content, Texts texts) throws IOException {
		sheet.line(texts.get("issuer"), SMALL, GREY, false);
		sheet.gap(7);
		sheet.rule();
		sheet.gap(22);
		sheet.line(texts.get("title", content.directionNumber()), TITLE, 0, true);
		sheet.gap(3);
		sheet.line(texts.get("issued", content.issuedOn().format(DATE)), BODY, 0, false);
		sheet.gap(14);
		sheet.paragraph(texts.get("intro"), BODY);
		sheet.gap(10);
		sheet.fields(List.of(
				new String[] { texts.get("field.applicant"), content.applicantName() },
				new String[] { texts.get("field.iin"), content.applicantIin() },
				new String[] { texts.get("field.application"), content.applicationNumber() },
				new String[] { texts.get("field.category"), content.category() },
				new String[] { texts.get("field.position"), Integer.toString(content.position()) },
				new String[] { texts.get("field.points"), Integer.toString(content.points()) }));
		sheet.gap(12);
		sheet.paragraph(texts.get("instruction", content.bankVisitDeadline().format(DATE)), BODY);
		sheet.gap(6);
		sheet.paragraph(texts.get("annulment"), BODY);
		sheet.gap(6);
		sheet.paragraph(texts.get("contact"), BODY);
		sheet.gap(20);
		sheet.box(texts.get("verification.code", content.verificationCode()),
				texts.get("verification.note", content.verificationUrl()));
	}

	private static byte[] readFont() {
		try (InputStream in = DirectionLetter.class.getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Font " + FONT_RESOURCE + " is not on the classpath (PDFBox jar)");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read font " + FONT_RESOURCE, ex);
		}
	}

	/** The letter's texts in one language; every value is a {@link MessageFormat} pattern. */
	private static final class Texts {

		private final Locale language;
		private final ResourceBundle bundle;

		Texts(Locale language) {
			this.language = language;
			// Russian is the base file: ask for it as ROOT, so that ResourceBundle never falls back to the JVM's
			// default locale (an English server would otherwise send Russian speakers the English letter).
			this.bundle = ResourceBundle.getBundle(BUNDLE, language.equals(RUSSIAN) ? Locale.ROOT : language);
		}

		String get(String key, Object... args) {
			return new MessageFormat(bundle.getString(key), language).format(args);
		}
	}

	/** A page being written top-down: a cursor on the baseline of the last line written. */
	private static final class Sheet {

		private final PDPageContentStream stream;
		private final PDFont font;
		private final CmapLookup glyphs;
		private final float left;
		private final float width;
		private final float bottom;
		private float y;

		Sheet(PDPageContentStream stream, PDFont font, CmapLookup glyphs, PDRectangle page) {
			this.stream = stream;
			this.font = font;
			this.glyphs = glyphs;
			this.left = MARGIN;
			this.width = page.getWidth() - 2 * MARGIN;
			this.bottom = MARGIN;
			this.y = page.getHeight() - MARGIN;
		}

		void gap(float points) {
			y -= points;
		}

		void line(String text, float size, float grey, boolean bold) throws IOException {
			for (String line : wrap(text, size, width)) {
				advance(size * LEADING);
				show(line, left, y, size, grey, bold);
			}
		}

		void paragraph(String text, float size) throws IOException {
			line(text, size, 0, false);
		}

		void rule() throws IOException {
			stream.setStrokingColor(0.6f);
			stream.setLineWidth(0.75f);
			stream.moveTo(left, y);
			stream.lineTo(left + width, y);
			stream.stroke();
		}

		/** Label and value rows; the labels in a grey column as wide as the widest of them. */
		void fields(List<String[]> rows) throws IOException {
			float labels = 0;
			for (String[] row : rows) {
				labels = Math.max(labels, width(printable(row[0]), BODY));
			}
			float column = Math.min(labels + 14, width / 2);
			for (String[] row : rows) {
				List<String> label = wrap(row[0], BODY, column - 14);
				List<String> value = wrap(row[1], BODY, width - column);
				for (int i = 0; i < Math.max(label.size(), value.size()); i++) {
					advance(BODY * LEADING);
					if (i < label.size()) {
						show(label.get(i), left, y, BODY, GREY, false);
					}
					if (i < value.size()) {
						show(value.get(i), left + column, y, BODY, 0, false);
					}
				}
				y -= 2;
			}
		}

		/** A shaded, framed box with the verification code and the note on how the bank checks it. */
		void box(String code, String note) throws IOException {
			float padding = 12;
			List<String> codeLines = wrap(code, CODE, width - 2 * padding);
			List<String> noteLines = wrap(note, SMALL, width - 2 * padding);
			float height = padding + codeLines.size() * CODE * LEADING + 4 + noteLines.size() * SMALL * LEADING
					+ padding;
			float top = y;
			advance(height);
			stream.setNonStrokingColor(0.95f);
			stream.setStrokingColor(0.55f);
			stream.setLineWidth(0.75f);
			stream.addRect(left, top - height, width, height);
			stream.fillAndStroke();
			y = top - padding + CODE * (LEADING - 1);
			for (String line : codeLines) {
				y -= CODE * LEADING;
				show(line, left + padding, y, CODE, 0, true);
			}
			y -= 4;
			for (String line : noteLines) {
				y -= SMALL * LEADING;
				show(line, left + padding, y, SMALL, 0.2f, false);
			}
			y = top - height;
		}

		private void advance(float points) {
			y -= points;
			if (y < bottom) {
				throw new IllegalArgumentException("The direction letter does not fit on one page");
			}
		}

		private void show(String text, float x, float baseline, float size, float grey, boolean bold)
				throws IOException {
			stream.beginText();
			stream.setFont(font, size);
			stream.setNonStrokingColor(grey);
			if (bold) {
				// Liberation Sans Bold is not in PDFBox's jar: thicken the regular outlines instead.
				stream.setRenderingMode(RenderingMode.FILL_STROKE);
				stream.setStrokingColor(grey);
				stream.setLineWidth(size / 30);
			}
			stream.newLineAtOffset(x, baseline);
			stream.showText(text);
			if (bold) {
				stream.setRenderingMode(RenderingMode.FILL);
			}
			stream.endText();
		}

		/** {@code text} as lines no wider than {@code max}: broken at spaces, and inside a word only if it must. */
		private List<String> wrap(String text, float size, float max) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : printable(text).split(" ")) {
				if (word.isEmpty()) {
					continue;
				}
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(candidate, size) <= max) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				while (width(word, size) > max) {
					int cut = word.offsetByCodePoints(0, 1);
					while (cut < word.length()
							&& width(word.substring(0, word.offsetByCodePoints(cut, 1)), size) <= max) {
						cut = word.offsetByCodePoints(cut, 1);
					}
					lines.add(word.substring(0, cut));
					word = word.substring(cut);
				}
				line.append(word);
			}
			if (!line.isEmpty() || lines.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		private float width(String text, float size) throws IOException {
			return font.getStringWidth(text) / 1000 * size;
		}

		/**
		 * {@code text} in composed form, with control characters as spaces and any character the font has no glyph
		 * for (a name in a script the font lacks) as {@code ?}, so that one odd character cannot stop the letter.
		 */
		private String printable(String text) {
			StringBuilder printable = new StringBuilder(text.length());
			Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
				if (Character.isISOControl(c) || Character.isWhitespace(c)) {
					printable.append(' ');
				}
				else if (glyphs.getGlyphId(c) == 0) {
					printable.append('?');
				}
				else {
					printable.appendCodePoint(c);
				}
			});
			return printable.toString();
		}
	}
}
