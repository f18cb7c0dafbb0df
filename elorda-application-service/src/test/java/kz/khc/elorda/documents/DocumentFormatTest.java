package kz.khc.elorda.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The format is told by the bytes at both ends of the file, never by a name; anything else is nothing. */
class DocumentFormatTest {

	@Test
	void eachFormatByItsBytes() {
		assertThat(DocumentFormat.of(DocumentPackage.pdf())).contains(DocumentFormat.PDF);
		assertThat(DocumentFormat.of(DocumentPackage.jpeg())).contains(DocumentFormat.JPEG);
		assertThat(DocumentFormat.of(DocumentPackage.png())).contains(DocumentFormat.PNG);
	}

	@Test
	void aPdfEndsWithStartxrefPointingAtItsCrossReferencesAndItsEndOfFileMarkerInTheLast1024Bytes() {
		byte[] pdf = DocumentPackage.pdf();
		assertThat(DocumentFormat.of(Arrays.copyOf(pdf, pdf.length - 7))).as("cut before %%EOF").isEmpty();
		assertThat(DocumentFormat.refusal(Arrays.copyOf(pdf, pdf.length - 7))).isEqualTo(DocumentFormat.Refusal.DAMAGED);
		assertThat(DocumentFormat.of(ascii("%PDF-1.7\nxref\nstartxref\n9\n%%EOF"))).contains(DocumentFormat.PDF);
		assertThat(DocumentFormat.of(ascii("%PDF-1.7\n3 0 obj\nstartxref\n9\n%%EOF"))).as("an xref stream")
			.contains(DocumentFormat.PDF);
		String small = "%PDF-1.7\nxref\nstartxref\n9\n%%EOF";
		int fromStartxref = small.length() - small.indexOf("startxref");
		assertThat(DocumentFormat.of(ascii(small + " ".repeat(1024 - fromStartxref)))).as("the end just in the tail")
			.contains(DocumentFormat.PDF);
		assertThat(DocumentFormat.of(ascii(small + " ".repeat(1024 - fromStartxref + 1)))).as("startxref out of it")
			.isEmpty();
		assertThat(DocumentFormat.of(ascii("%PDF%%EOF"))).as("no dash after %PDF").isEmpty();
		assertThat(DocumentFormat.of(ascii(" %PDF-1.7\nxref\nstartxref\n10\n%%EOF"))).as("the header is the very first bytes")
			.isEmpty();
	}

	@Test
	void aPdfHeaderBeforeAnythingElseIsDamaged() {
		for (String damaged : List.of("%PDF-1.7\n%%EOF", "%PDF-1.7\ngarbage\n%%EOF", "%PDF-x.y\nxref\nstartxref\n9\n%%EOF",
				"%PDF-1.7\nxref\nstartxref\n%%EOF", "%PDF-1.7\nxref\nstartxref\n999\n%%EOF",
				"%PDF-1.7\nxref\nstartxref\n3\n%%EOF", "%PDF-1.7\ngarbage\nstartxref\n9\n%%EOF")) {
			assertThat(DocumentFormat.of(ascii(damaged))).as(damaged).isEmpty();
			assertThat(DocumentFormat.refusal(ascii(damaged))).as(damaged).isEqualTo(DocumentFormat.Refusal.DAMAGED);
		}
	}

	@Test
	void aDocumentThatIsAlsoAnArchiveOrAWebPageIsMixed() {
		byte[] pdf = DocumentPackage.pdf();
		byte[] zipEnd = { 'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		byte[] pdfThenZip = concat(pdf, zipEnd);
		byte[] zipThenPdf = concat(zipEnd, pdf);
		byte[] jpegWithZip = concat(Arrays.copyOf(DocumentPackage.jpeg(), DocumentPackage.jpeg().length - 2), zipEnd,
				bytes(0xFF, 0xD9));
		byte[] pdfWithPage = concat(ascii("%PDF-1.4\n% <html><script>alert(1)</script>\n"),
				Arrays.copyOfRange(pdf, 9, pdf.length));
		for (byte[] mixed : List.of(pdfThenZip, jpegWithZip, pdfWithPage)) {
			assertThat(DocumentFormat.of(mixed)).isEmpty();
			assertThat(DocumentFormat.refusal(mixed)).isEqualTo(DocumentFormat.Refusal.MIXED);
		}
		assertThat(DocumentFormat.of(zipThenPdf)).isEmpty();
		assertThat(DocumentFormat.refusal(zipThenPdf)).as("an archive with a PDF inside").isEqualTo(DocumentFormat.Refusal.UNKNOWN);
		// an archive's end record pushed out of the last 64 KiB + 22 bytes is no longer one a ZIP reader finds
		byte[] far = concat(zipEnd, new byte[65_536]);
		assertThat(DocumentFormat.refusal(far)).isEqualTo(DocumentFormat.Refusal.UNKNOWN);
	}

	@Test
	void aJpegStartsWithTheStartOfImageAndEndsWithTheEndOfImage() {
		byte[] jpeg = DocumentPackage.jpeg();
		assertThat(DocumentFormat.of(Arrays.copyOf(jpeg, jpeg.length - 1))).as("no end marker").isEmpty();
		assertThat(DocumentFormat.of(Arrays.copyOf(jpeg, jpeg.length + 1))).as("a byte after it").isEmpty();
		assertThat(DocumentFormat.of(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xD9))).contains(DocumentFormat.JPEG);
		assertThat(DocumentFormat.of(bytes(0xFF, 0xD8, 0xFF, 0xD9))).as("markers overlapping").isEmpty();
		assertThat(DocumentFormat.of(bytes(0xFF, 0xD8, 0xFE, 0xFF, 0xD9))).as("no segment after SOI").isEmpty();
	}

	@Test
	void aPngHasItsWholeSignatureItsHeaderChunkFirstAndItsEndChunkLast() {
		byte[] png = DocumentPackage.png();
		assertThat(DocumentFormat.of(Arrays.copyOf(png, 7))).as("signature cut short").isEmpty();
		assertThat(DocumentFormat.of(Arrays.copyOf(png, 8))).as("signature alone").isEmpty();
		assertThat(DocumentFormat.of(Arrays.copyOf(png, png.length - 1))).as("end chunk cut short").isEmpty();
		byte[] noHeader = png.clone();
		noHeader[12] = 'X';
		assertThat(DocumentFormat.of(noHeader)).as("another chunk than IHDR first").isEmpty();
		byte[] badSignature = png.clone();
		badSignature[7] = 0;
		assertThat(DocumentFormat.of(badSignature)).as("last signature byte").isEmpty();
	}

	@Test
	void executablesPagesAndNothingAreNoFormat() {
		assertThat(DocumentFormat.of(new byte[0])).isEmpty();
		assertThat(DocumentFormat.of(bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0))).isEmpty();
		assertThat(DocumentFormat.of(ascii("<!DOCTYPE html><html><script>alert(1)</script></html>"))).isEmpty();
		assertThat(DocumentFormat.of(ascii("%%EOF"))).isEmpty();
		assertThat(DocumentFormat.refusal(bytes('M', 'Z', 0x90, 0))).isEqualTo(DocumentFormat.Refusal.UNKNOWN);
		assertThat(DocumentFormat.refusal(ascii("PK\u0003\u0004 a zip's first entry")))
			.isEqualTo(DocumentFormat.Refusal.UNKNOWN);
	}

	@Test
	void theNameToSaveUnderAlwaysHasTheFormatsExtension() {
		assertThat(DocumentFormat.PDF.downloadName("справка.PDF")).isEqualTo("справка.PDF");
		assertThat(DocumentFormat.PDF.downloadName("справка.html")).isEqualTo("справка.html.pdf");
		assertThat(DocumentFormat.JPEG.downloadName("scan.jpeg")).isEqualTo("scan.jpeg");
		assertThat(DocumentFormat.JPEG.downloadName("scan.png")).isEqualTo("scan.png.jpg");
		assertThat(DocumentFormat.PNG.downloadName("document")).isEqualTo("document.png");
	}

	@Test
	void aNameIsShownWithoutFoldersControlOrDirectionCharacters() {
		assertThat(FileNames.sanitize("C:\\fakepath\\../справка.pdf")).isEqualTo("справка.pdf");
		assertThat(FileNames.sanitize("/etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.sanitize("a\"b<c>\r\nd.pdf")).isEqualTo("a_b_c_d.pdf");
		assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.NONE);
		assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.NONE);
		assertThat(FileNames.sanitize("я".repeat(200) + ".pdf")).hasSize(FileNames.MAX_LENGTH);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		var out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
