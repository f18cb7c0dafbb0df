package kz.khc.elorda.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a document may have, told by its bytes alone — never by the file's name or the client's
 * {@code Content-Type}. Each format is checked at both ends, so an upload cut short is refused as well as an
 * executable or a web page renamed {@code .pdf}.
 */
enum DocumentFormat {

	/** {@code %PDF-} at the start and {@code %%EOF} in the last 1024 bytes (readers allow trailing bytes there). */
	PDF("application/pdf", "pdf"),
	/** The start-of-image marker and a segment's {@code FF} ({@code FF D8 FF}), the end-of-image marker last. */
	JPEG("image/jpeg", "jpg", "jpeg"),
	/** The 8-byte signature, the {@code IHDR} chunk first (13 bytes of data), the {@code IEND} chunk last. */
	PNG("image/png", "png");

	private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
	private static final int PDF_TAIL = 1024;
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

	/** The format these bytes are in, if it is one of ours. */
	static Optional<DocumentFormat> of(byte[] content) {
		if (startsWith(content, PDF_HEADER) && contains(content, Math.max(0, content.length - PDF_TAIL), PDF_END)) {
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

	static Optional<DocumentFormat> ofMediaType(String mediaType) {
		return Arrays.stream(values()).filter(format -> format.mediaType.equals(mediaType)).findFirst();
	}

	/** The name to save the file under: the given one, with this format's extension added unless it has one. */
	String downloadName(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		return Arrays.stream(extensions).anyMatch(extension -> lower.endsWith("." + extension)) ? fileName
				: fileName + "." + extensions[0];
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static boolean endsWith(byte[] content, byte[] suffix) {
		return content.length >= suffix.length
				&& Arrays.equals(content, content.length - suffix.length, content.length, suffix, 0, suffix.length);
	}

	private static boolean contains(byte[] content, int from, byte[] part) {
		for (int i = from; i + part.length <= content.length; i++) {
			if (Arrays.equals(content, i, i + part.length, part, 0, part.length)) {
				return true;
			}
		}
		return false;
	}
}
