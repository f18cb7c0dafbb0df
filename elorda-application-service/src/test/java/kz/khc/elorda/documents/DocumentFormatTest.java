package kz.khc.elorda.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
	void aPdfEndsWithItsEndOfFileMarkerInTheLast1024Bytes() {
		byte[] pdf = DocumentPackage.pdf();
		assertThat(DocumentFormat.of(Arrays.copyOf(pdf, pdf.length - 7))).as("cut before %%EOF").isEmpty();
		assertThat(DocumentFormat.of(ascii("%PDF-1.7\n%%EOF"))).contains(DocumentFormat.PDF);
		assertThat(DocumentFormat.of(ascii("%PDF-1.7\n%%EOF" + " ".repeat(1024 - 5)))).as("marker just in the tail")
			.contains(DocumentFormat.PDF);
		assertThat(DocumentFormat.of(ascii("%PDF-1.7\n%%EOF" + " ".repeat(1024 - 4)))).as("one byte out of it")
			.isEmpty();
		assertThat(DocumentFormat.of(ascii("%PDF%%EOF"))).as("no dash after %PDF").isEmpty();
		assertThat(DocumentFormat.of(ascii(" %PDF-1.7\n%%EOF"))).as("the header is the very first bytes").isEmpty();
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
}
