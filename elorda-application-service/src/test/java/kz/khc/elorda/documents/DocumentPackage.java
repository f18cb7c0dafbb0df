package kz.khc.elorda.documents;

import static kz.khc.elorda.editions.Edition.DocumentType.CIVIL_STATUS_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.DEPOSIT_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.DIPLOMA;
import static kz.khc.elorda.editions.Edition.DocumentType.DISABILITY_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.EMPLOYMENT_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.INCOME_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.NO_PROPERTY_CERTIFICATE;
import static kz.khc.elorda.editions.Edition.DocumentType.PENSION_STATEMENT;
import static kz.khc.elorda.editions.Edition.DocumentType.WORK_RECORD;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import kz.khc.elorda.editions.Edition.DocumentType;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Documents for tests: small real files of each format, and the package the standard terms ask of the family in
 * {@code applications/complete-form.json} — the applicant, a working spouse, a child with a disability.
 */
public final class DocumentPackage {

	private DocumentPackage() {
	}

	/** One document to upload: its type, whose it is, when it was issued. */
	public record Item(DocumentType type, String holderIin, LocalDate issuedOn) {
	}

	/**
	 * Everything the standard terms ask of that family for a submission on {@code day}: the same-day certificates
	 * issued that day, the 10-day ones too, the others (diploma, disability certificate…) years before.
	 */
	public static List<Item> complete(String applicant, String spouse, String disabledChild, LocalDate day) {
		List<Item> items = new ArrayList<>(single(applicant, day));
		items.add(new Item(NO_PROPERTY_CERTIFICATE, spouse, day));
		items.add(new Item(NO_PROPERTY_CERTIFICATE, disabledChild, day));
		items.add(new Item(DEPOSIT_CERTIFICATE, spouse, day));
		items.add(new Item(INCOME_CERTIFICATE, spouse, day));
		items.add(new Item(DISABILITY_CERTIFICATE, disabledChild, day.minusYears(3)));
		return items;
	}

	/** What the standard terms ask of an applicant without family, as {@link #complete}. */
	public static List<Item> single(String applicant, LocalDate day) {
		LocalDate longAgo = day.minusYears(3);
		return List.of(new Item(CIVIL_STATUS_CERTIFICATE, applicant, longAgo),
				new Item(EMPLOYMENT_CERTIFICATE, applicant, day), new Item(WORK_RECORD, applicant, day.minusMonths(2)),
				new Item(PENSION_STATEMENT, applicant, day), new Item(DIPLOMA, applicant, longAgo),
				new Item(NO_PROPERTY_CERTIFICATE, applicant, day), new Item(DEPOSIT_CERTIFICATE, applicant, day),
				new Item(INCOME_CERTIFICATE, applicant, day));
	}

	/** Uploads each as a PDF, expecting each taken. */
	public static void uploadAll(MockMvc mvc, RequestPostProcessor citizen, String applicationId, List<Item> items)
			throws Exception {
		for (Item item : items) {
			upload(mvc, citizen, applicationId, item).andExpect(status().isCreated());
		}
	}

	public static ResultActions upload(MockMvc mvc, RequestPostProcessor citizen, String applicationId, Item item)
			throws Exception {
		return upload(mvc, citizen, applicationId, item.type().name(), item.holderIin(), item.issuedOn().toString(),
				new MockMultipartFile("file", item.type().name().toLowerCase() + ".pdf", "application/pdf", pdf()));
	}

	public static ResultActions upload(MockMvc mvc, RequestPostProcessor citizen, String applicationId, String type,
			String holderIin, String issuedOn, MockMultipartFile file) throws Exception {
		return mvc.perform(request(applicationId, type, holderIin, issuedOn, file).with(citizen));
	}

	/** The upload's request, for a test to add to. */
	public static MockMultipartHttpServletRequestBuilder request(String applicationId, String type, String holderIin,
			String issuedOn, MockMultipartFile file) {
		return multipart("/api/elorda/v1/applications/" + applicationId + "/documents").file(file)
			.param("type", type)
			.param("holderIin", holderIin)
			.param("issuedOn", issuedOn);
	}

	/** A one-page-less but well-formed PDF. */
	/** A small, well-formed PDF without pages: two objects, the cross-reference table, {@code startxref} to it. */
	public static byte[] pdf() {
		String objects = """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				""";
		return (objects + """
				xref
				0 3
				0000000000 65535 f\u0020
				%010d 00000 n\u0020
				%010d 00000 n\u0020
				trailer << /Size 3 /Root 1 0 R >>
				startxref
				%d
				%%%%EOF
				""".formatted(9, objects.indexOf("2 0 obj"), objects.length())).getBytes(StandardCharsets.US_ASCII);
	}

	public static byte[] jpeg() {
		return image("jpg");
	}

	public static byte[] png() {
		return image("png");
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0x3366CC);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
