package kz.khc.elorda.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formats a document may have, told by its bytes alone — never by the file's name or the client's
 * {@code Content-Type}. Each format is checked at both ends, so an upload cut short is refused as well as an
 * executable or a web page renamed {@code .pdf}; a PDF also needs its cross-reference pointer ({@code startxref} to an
 * {@code xref} table or stream), so a PDF header before anything else is refused too. A file that is also another
 * kind of file — a ZIP archive (a JAR, an Office file) ending it, or a web page's markup in its first kilobyte, where
 * browsers sniff — is refused whatever it starts with ({@link Refusal#MIXED}).
 */
enum DocumentFormat {

	/**
	 * {@code %PDF-<digit>.<digit>} at the start; in the last 1024 bytes (readers allow trailing bytes there)
	 * {@code startxref}, the offset of the cross-reference table ({@code xref}) or stream ({@code N G obj}) inside the
	 * file, and {@code %%EOF}.
	 */
	PDF("application/pdf", "pdf"),
	/** The start-of-image marker and a segment's {@code FF} ({@code FF D8 FF}), the end-of-image marker last. */
	JPEG("image/jpeg", "jpg", "jpeg"),
	/** The 8-byte signature, the {@code IHDR} chunk first (13 bytes of data), the {@code IEND} chunk last. */
	PNG("image/png", "png");

	private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
	private static final int PDF_TAIL = 1024;
	private static final Pattern PDF_VERSION = Pattern.compile("%PDF-\\d\\.\\d");
	private static final Pattern PDF_END = Pattern.compile("startxref\\s+(\\d{1,10})\\s+%%EOF");
	private static final Pattern PDF_XREF = Pattern.compile("\\s*(xref|\\d+\\s+\\d+\\s+obj)");
	/** A ZIP archive's end-of-central-directory record, which ZIP readers look for in the last 64 KiB + 22 bytes. */
	private static final byte[] ZIP_END = { 'P', 'K', 5, 6 };
	private static final int ZIP_TAIL = 65_535 + 22;
	/** Where browsers look for markup when they sniff a file's type. */
	private static final int SNIFFED = 1024;
	private static final Pattern MARKUP = Pattern.compile("<(!doctype|html|head|body|script|iframe|svg|object|embed)[\\s>/]",
			Pattern.CASE_INSENSITIVE);
	private static final byte[] JPEG_START = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] JPEG_END = { (byte) 0xFF, (byte) 0xD9 };
	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	private static final byte[] PNG_IHDR = { 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	private static final byte[] PNG_IEND = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 'B', '`', (byte) 0x82 };
	/** Signature, IHDR (length, type, 13 bytes of data, CRC), IEND. */
	private static final int PNG_MIN = 8 + 25 + 12;

	final String mediaType;
	private final String[] extensions;

	DocumentFormat(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = extensions;
	}

	/** The format these bytes are in, if it is one of ours and nothing else besides. */
	static Optional<DocumentFormat> of(byte[] content) {
		if (mixed(content)) {
			return Optional.empty();
		}
		if (startsWith(content, PDF_HEADER) && pdf(content)) {
			return Optional.of(PDF);
		}
		if (content.length >= JPEG_START.length + JPEG_END.length && startsWith(content, JPEG_START)
				&& endsWith(content, JPEG_END)) {
			return Optional.of(JPEG);
		}
		if (content.length >= PNG_MIN && startsWith(content, PNG_SIGNATURE)
				&& Arrays.equals(content, 8, 16, PNG_IHDR, 0, PNG_IHDR.length) && endsWith(content, PNG_IEND)) {
			return Optional.of(PNG);
		}
		return Optional.empty();
	}

	/** Why {@link #of} found no format in these bytes. */
	static Refusal refusal(byte[] content) {
		if (startsWith(content, PDF_HEADER) || startsWith(content, Arrays.copyOf(JPEG_START, 2))
				|| startsWith(content, Arrays.copyOf(PNG_SIGNATURE, 4))) {
			return mixed(content) ? Refusal.MIXED : Refusal.DAMAGED;
		}
		return Refusal.UNKNOWN;
	}

	/** Why a file is not taken as a document: the {@code reason} of the problem. */
	enum Refusal {
		/** None of the formats' signatures. */
		UNKNOWN("not-a-document"),
		/** A format's signature, but not its structure: cut short, or a header before anything else. */
		DAMAGED("damaged"),
		/** A format's signature, and another kind of file inside as well: an archive or a web page (a polyglot). */
		MIXED("mixed-content");

		final String code;

		Refusal(String code) {
			this.code = code;
		}
	}

	static Optional<DocumentFormat> ofMediaType(String mediaType) {
		return Arrays.stream(values()).filter(format -> format.mediaType.equals(mediaType)).findFirst();
	}

	/** The name to save the file under: the given one, with this format's extension added unless it has one. */
	String downloadName(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		return Arrays.stream(extensions).anyMatch(extension -> lower.endsWith("." + extension)) ? fileName
				: fileName + "." + extensions[0];
	}

	private static boolean pdf(byte[] content) {
		if (content.length < 8 || !PDF_VERSION.matcher(latin1(content, 0, 8)).matches()) {
			return false;
		}
		int from = Math.max(0, content.length - PDF_TAIL);
		Matcher end = PDF_END.matcher(latin1(content, from, content.length));
		long offset = -1;
		while (end.find()) {
			offset = Long.parseLong(end.group(1));
		}
		if (offset < PDF_HEADER.length || offset >= content.length) {
			return false;
		}
		int at = (int) offset;
		return PDF_XREF.matcher(latin1(content, at, Math.min(content.length, at + 64))).lookingAt();
	}

	/** An archive ending the file, or a web page's markup where browsers sniff. */
	private static boolean mixed(byte[] content) {
		if (indexOf(content, Math.max(0, content.length - ZIP_TAIL), ZIP_END) >= 0) {
			return true;
		}
		return MARKUP.matcher(latin1(content, 0, Math.min(content.length, SNIFFED))).find();
	}

	private static String latin1(byte[] content, int from, int to) {
		return new String(content, from, to - from, StandardCharsets.ISO_8859_1);
	}

	private static int indexOf(byte[] content, int from, byte[] part) {
		for (int i = from; i + part.length <= content.length; i++) {
			if (Arrays.equals(content, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean endsWith(byte[] content, byte[] suffix) {
		return content.length >= suffix.length
				&& Arrays.equals(content, content.length - suffix.length, content.length, suffix, 0, suffix.length);
	}
}
