package kz.khc.elorda.documents;

import static kz.khc.elorda.applications.IntakeTestConfiguration.CLOCK;
import static kz.khc.elorda.applications.IntakeTestConfiguration.SIGNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.khc.elorda.applications.IntakeTestConfiguration;
import kz.khc.elorda.applications.OpenEdition;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Editions;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents through HTTP into real PostgreSQL (issue 7 point 3): each format taken by its bytes and kept whole with
 * its checksum, anything else refused; the fields named when wrong; only the applicant's own draft changes, and
 * reading is the applicant's or, after submission, the akimat's (audited); the size limit holds on a real server too.
 */
@Import(IntakeTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class DocumentsIT {

	static final String APPLICANT = "950312400238";
	static final String SPOUSE = "930720300018";
	static final String CHILD = "220115500013";
	static final String STRANGER = "960101400014";

	@TestConfiguration
	static class Tokens {

		/** For the requests over a real connection: a token {@code role.subject.iin} stands for itself. */
		@Bean
		JwtDecoder testTokens() {
			return token -> {
				String[] parts = token.split("\\.");
				return Jwt.withTokenValue(token)
					.header("alg", "none")
					.subject(parts[1])
					.claim("preferred_username", parts[2])
					.claim("roles", List.of(parts[0]))
					.issuedAt(Instant.now())
					.expiresAt(Instant.now().plusSeconds(60))
					.build();
			};
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Editions editions;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	Edition edition;
	LocalDate today;

	@BeforeEach
	void openEdition() {
		edition = OpenEdition.open(editions, CLOCK);
		today = LocalDate.now(CLOCK);
	}

	@Test
	void eachFormatIsTakenByItsBytesWhateverItsNameAndKeptWholeWithItsChecksum() throws Exception {
		String id = draft();
		byte[] pdf = DocumentPackage.pdf();
		byte[] jpeg = DocumentPackage.jpeg();
		byte[] png = DocumentPackage.png();

		String pdfId = id(upload(id, "DIPLOMA", APPLICANT, today.minusYears(5).toString(),
				new MockMultipartFile("file", "диплом.PDF", "application/octet-stream", pdf))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("DIPLOMA"))
			.andExpect(jsonPath("$.holderIin").value(APPLICANT))
			.andExpect(jsonPath("$.issuedOn").value(today.minusYears(5).toString()))
			.andExpect(jsonPath("$.fileName").value("диплом.PDF"))
			.andExpect(jsonPath("$.mediaType").value("application/pdf"))
			.andExpect(jsonPath("$.size").value(pdf.length))
			.andExpect(jsonPath("$.sha256").value(sha256(pdf)))
			.andReturn());
		// the client's name and type say PNG; the bytes say JPEG
		upload(id, "NO_PROPERTY_CERTIFICATE", SPOUSE, today.toString(),
				new MockMultipartFile("file", "scan.png", "image/png", jpeg))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mediaType").value("image/jpeg"))
			.andExpect(jsonPath("$.sha256").value(sha256(jpeg)));
		upload(id, "DISABILITY_CERTIFICATE", CHILD, today.minusYears(1).toString(),
				new MockMultipartFile("file", "C:\\fakepath\\справка.png", "application/pdf", png))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/elorda/v1/applications/" + id + "/documents/")))
			.andExpect(jsonPath("$.mediaType").value("image/png"))
			.andExpect(jsonPath("$.fileName").value("справка.png"));

		assertThat(jdbc.sql("select content from application_document where id = ?::uuid")
			.param(pdfId)
			.query((rs, row) -> rs.getBytes(1))
			.single()).isEqualTo(pdf);
		assertThat(documents.checksums(UUID.fromString(id))).extracting(Documents.Checksum::type,
				Documents.Checksum::holderIin, Documents.Checksum::sha256)
			.as("ordered by type and holder, not by upload")
			.containsExactly(tuple(Edition.DocumentType.DIPLOMA, APPLICANT, sha256(pdf)),
					tuple(Edition.DocumentType.DISABILITY_CERTIFICATE, CHILD, sha256(png)),
					tuple(Edition.DocumentType.NO_PROPERTY_CERTIFICATE, SPOUSE, sha256(jpeg)));
		assertThat(documents.uploaded(UUID.fromString(id))).contains(
				new DocumentCheck.Uploaded(Edition.DocumentType.DIPLOMA, APPLICANT, today.minusYears(5)));
		mvc.perform(get(documentsOf(id)).with(applicant()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].id").value(pdfId));
		assertThat(audit(id)).contains("document.uploaded");
	}

	@Test
	void renamedExecutablesPagesAndCutFilesAreRefusedNamingWhatIsTaken() throws Exception {
		String id = draft();
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF };
		byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
		byte[] pdf = DocumentPackage.pdf();
		byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 2);
		byte[] headerOnly = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] polyglot = java.util.Arrays.copyOf(pdf, pdf.length + 22);
		polyglot[pdf.length] = 'P';
		polyglot[pdf.length + 1] = 'K';
		polyglot[pdf.length + 2] = 5;
		polyglot[pdf.length + 3] = 6;
		Map<byte[], String> reasons = new java.util.LinkedHashMap<>();
		reasons.put(exe, "not-a-document");
		reasons.put(html, "not-a-document");
		reasons.put(cut, "damaged");
		reasons.put(headerOnly, "damaged");
		reasons.put(polyglot, "mixed-content");
		for (var refused : reasons.entrySet()) {
			mvc.perform(DocumentPackage.request(id, "DIPLOMA", APPLICANT, today.toString(),
					new MockMultipartFile("file", "diploma.pdf", "application/pdf", refused.getKey()))
				.with(applicant())
				.header("Accept-Language", "en"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("unsupported-document-format"))
				.andExpect(jsonPath("$.reason").value(refused.getValue()))
				.andExpect(jsonPath("$.title").value("Unsupported file format"))
				.andExpect(jsonPath("$.detail").value(containsString("PDF, JPEG or PNG")))
				.andExpect(jsonPath("$.accepted").value(hasItem("application/pdf")));
		}
		mvc.perform(DocumentPackage.request(id, "DIPLOMA", APPLICANT, today.toString(),
				new MockMultipartFile("file", "diploma.pdf", "application/pdf", polyglot))
			.with(applicant()))
			.andExpect(jsonPath("$.detail").value(startsWith("В файле кроме документа есть другое содержимое")));
		assertThat(count(id)).isZero();
	}

	@Test
	void anEmptyFileAndEveryWrongFieldAreA400NamingThem() throws Exception {
		String id = draft();
		MockMultipartFile empty = new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]);
		mvc.perform(DocumentPackage.request(id, "PASSPORT", STRANGER, today.plusDays(1).toString(), empty)
			.with(applicant()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors[?(@.field == 'file')].message").value(hasItem("файл пуст")))
			.andExpect(jsonPath("$.errors[?(@.field == 'type')].message").value(hasItem("неизвестный тип документа")))
			.andExpect(jsonPath("$.errors[?(@.field == 'holderIin')].message")
				.value(hasItem(containsString("в заявлении нет человека с этим ИИН"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'issuedOn')].message")
				.value(hasItem("дата выдачи не может быть позже сегодняшнего дня")));

		MockMultipartFile pdf = new MockMultipartFile("file", "a.pdf", "application/pdf", DocumentPackage.pdf());
		upload(id, "DIPLOMA", "950312400239", today.toString(), pdf).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("holderIin"))
			.andExpect(jsonPath("$.errors[0].message").value("неверный ИИН"));
		upload(id, "DIPLOMA", APPLICANT, "10.03.2026", pdf).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("issuedOn"));
		// today is fine, and so is a document issued long ago
		upload(id, "DIPLOMA", APPLICANT, today.toString(), pdf).andExpect(status().isCreated());
		mvc.perform(post(documentsOf(id)).with(applicant()).contentType(MediaType.MULTIPART_FORM_DATA)
			.content(new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("file")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("type")));
		assertThat(count(id)).isOne();
	}

	@Test
	void aDocumentOverTheLimitIsA413() throws Exception {
		String id = draft();
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		byte[] pdf = DocumentPackage.pdf();
		System.arraycopy(pdf, 0, big, 0, pdf.length);
		mvc.perform(DocumentPackage.request(id, "DIPLOMA", APPLICANT, today.toString(),
				new MockMultipartFile("file", "big.pdf", "application/pdf", big))
			.with(applicant())
			.header("Accept-Language", "kk"))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.code").value("document-too-large"))
			.andExpect(jsonPath("$.detail").value("Құжаттың көлемі 10 МБ-тан аспауы керек."))
			.andExpect(jsonPath("$.maxSizeBytes").value(10 * 1024 * 1024));
		assertThat(count(id)).isZero();
	}

	/** Through Tomcat: the multipart limits refuse the request while it is read, with the same problem, not a 500. */
	@Test
	void overARealConnectionAFileOverTheLimitIsRefusedAsItIsReadWithTheSame413() throws Exception {
		String id = draft();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI uri = URI.create("http://localhost:" + port + "/api/elorda/v1/applications/" + id + "/documents");
		String token = "citizen." + subject() + "." + APPLICANT;

		Answer taken = send(client, uri, token, DocumentPackage.pdf());
		assertThat(taken.status()).isEqualTo(201);

		byte[] big = new byte[10 * 1024 * 1024 + 1024];
		System.arraycopy(DocumentPackage.pdf(), 0, big, 0, DocumentPackage.pdf().length);
		Answer refused = send(client, uri, token, big);
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("code").asString()).isEqualTo("document-too-large");
		assertThat(problem.get("detail").asString()).isEqualTo("Размер документа — не больше 10 МБ.");
		assertThat(count(id)).isOne();
	}

	@Test
	void upToTheLimitOfDocumentsPerApplicationAndNotOneMore() throws Exception {
		String id = draft();
		DocumentPackage.Item item = new DocumentPackage.Item(Edition.DocumentType.WORK_RECORD, APPLICANT, today);
		for (int i = 0; i < 60; i++) {
			DocumentPackage.upload(mvc, applicant(), id, item).andExpect(status().isCreated());
		}
		DocumentPackage.upload(mvc, applicant(), id, item)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("too-many-documents"))
			.andExpect(jsonPath("$.detail").value(containsString("60")));
		assertThat(count(id)).isEqualTo(60);
	}

	@Test
	void someoneElsesApplicationIsAsGoodAsMissing() throws Exception {
		String id = draft();
		String documentId = uploaded(id);
		RequestPostProcessor other = citizen("someone-else-" + edition.id(), SPOUSE);

		mvc.perform(get(documentsOf(id)).with(other)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
		mvc.perform(get(documentsOf(id) + "/" + documentId).with(other)).andExpect(status().isNotFound());
		mvc.perform(get(documentsOf(id) + "/" + documentId + "/content").with(other))
			.andExpect(status().isNotFound());
		mvc.perform(delete(documentsOf(id) + "/" + documentId).with(other)).andExpect(status().isNotFound());
		DocumentPackage.upload(mvc, other, id, new DocumentPackage.Item(Edition.DocumentType.DIPLOMA, SPOUSE, today))
			.andExpect(status().isNotFound());
		// a missing application, or a document of another application, is answered the same
		mvc.perform(get(documentsOf(UUID.randomUUID().toString())).with(applicant()))
			.andExpect(status().isNotFound());
		String theirs = draft(SPOUSE, "c-" + SPOUSE + "-" + edition.id());
		mvc.perform(get(documentsOf(theirs) + "/" + documentId + "/content")
			.with(citizen("c-" + SPOUSE + "-" + edition.id(), SPOUSE))).andExpect(status().isNotFound());
		assertThat(count(id)).isOne();
	}

	@Test
	void theBankIsRefusedAndTheAkimatReadsOnlySubmittedApplicationsEachReadingAudited() throws Exception {
		String id = draft();
		String documentId = uploaded(id);
		RequestPostProcessor bank = as("bank-officer");
		mvc.perform(get(documentsOf(id)).with(bank)).andExpect(status().isForbidden());
		mvc.perform(get(documentsOf(id) + "/" + documentId + "/content").with(bank)).andExpect(status().isForbidden());
		mvc.perform(delete(documentsOf(id) + "/" + documentId).with(officer())).andExpect(status().isForbidden());
		DocumentPackage.upload(mvc, officer(), id, new DocumentPackage.Item(Edition.DocumentType.DIPLOMA, APPLICANT,
				today)).andExpect(status().isForbidden());
		mvc.perform(get(documentsOf(id))).andExpect(status().isUnauthorized());

		// a draft is the applicant's own business
		mvc.perform(get(documentsOf(id)).with(officer())).andExpect(status().isNotFound());
		mvc.perform(get(documentsOf(id) + "/" + documentId + "/content").with(officer()))
			.andExpect(status().isNotFound());

		submit(id);
		mvc.perform(get(documentsOf(id)).with(officer())).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(documentId)));
		assertThat(audit(id)).doesNotContain("document.read");
		mvc.perform(get(documentsOf(id) + "/" + documentId + "/content").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().bytes(DocumentPackage.pdf()));
		assertThat(jdbc.sql("select reason from audit_log where subject = ? and action = 'document.read' and actor = ?")
			.params("application/" + id, "akimat-officer")
			.query(String.class)
			.list()).singleElement().asString().contains(documentId);
		// the applicant's own reading is not an event
		mvc.perform(get(documentsOf(id) + "/" + documentId + "/content").with(applicant())).andExpect(status().isOk());
		assertThat(audit(id).stream().filter("document.read"::equals)).hasSize(1);
	}

	@Test
	void aDownloadIsTheExactBytesAsAnAttachmentNeverSniffedWithItsChecksumAsTag() throws Exception {
		String id = draft();
		byte[] pdf = DocumentPackage.pdf();
		String documentId = id(upload(id, "DIPLOMA", APPLICANT, today.toString(),
				new MockMultipartFile("file", "../../диплом \"2017\".html", "text/html", pdf))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("диплом _2017_.html"))
			.andReturn());

		MvcResult download = mvc.perform(get(documentsOf(id) + "/" + documentId + "/content").with(applicant()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("ETag", "\"" + sha256(pdf) + "\""))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
		String disposition = download.getResponse().getHeader("Content-Disposition");
		assertThat(ContentDisposition.parse(disposition).getFilename())
			.as("the format's extension, whatever the name said").isEqualTo("диплом _2017_.html.pdf");
		assertThat(disposition).doesNotContain("/").doesNotContain("\\\"2017");
	}

	@Test
	void aDraftsDocumentsAreRemovedAtWillAndASubmittedApplicationsNever() throws Exception {
		String id = draft();
		String documentId = uploaded(id);
		mvc.perform(delete(documentsOf(id) + "/" + documentId).with(applicant())).andExpect(status().isNoContent());
		mvc.perform(get(documentsOf(id) + "/" + documentId).with(applicant())).andExpect(status().isNotFound());
		mvc.perform(delete(documentsOf(id) + "/" + documentId).with(applicant())).andExpect(status().isNotFound());
		assertThat(audit(id)).contains("document.uploaded", "document.deleted");

		submit(id);
		String kept = jdbc.sql("select id from application_document where application_id = ?::uuid limit 1")
			.param(id)
			.query(String.class)
			.single();
		mvc.perform(delete(documentsOf(id) + "/" + kept).with(applicant()).header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("application-submitted"))
			.andExpect(jsonPath("$.title").value("Application submitted"));
		DocumentPackage.upload(mvc, applicant(), id, new DocumentPackage.Item(Edition.DocumentType.DIPLOMA, APPLICANT,
				today))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("application-submitted"));
		assertThat(count(id)).isEqualTo(DocumentPackage.complete(APPLICANT, SPOUSE, CHILD, today).size());
	}

	record Answer(int status, String contentType, String body) {
	}

	/** A multipart upload of {@code content} as the applicant's diploma, its length known, as browsers send it. */
	private static Answer send(HttpClient client, URI uri, String token, byte[] content) throws Exception {
		String boundary = "----elorda" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : List.of(new String[] { "type", "DIPLOMA" }, new String[] { "holderIin", APPLICANT },
				new String[] { "issuedOn", LocalDate.now(CLOCK).toString() })) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
					+ field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	private org.springframework.test.web.servlet.ResultActions upload(String id, String type, String holder,
			String issuedOn, MockMultipartFile file) throws Exception {
		return DocumentPackage.upload(mvc, applicant(), id, type, holder, issuedOn, file);
	}

	private String uploaded(String id) throws Exception {
		return id(DocumentPackage.upload(mvc, applicant(), id,
				new DocumentPackage.Item(Edition.DocumentType.DIPLOMA, APPLICANT, today.minusYears(3)))
			.andExpect(status().isCreated())
			.andReturn());
	}

	/** Uploads what the package still lacks and submits. */
	private void submit(String id) throws Exception {
		List<DocumentCheck.Uploaded> there = documents.uploaded(UUID.fromString(id));
		DocumentPackage.uploadAll(mvc, applicant(), id, DocumentPackage.complete(APPLICANT, SPOUSE, CHILD, today)
			.stream()
			.filter(item -> there.stream()
				.noneMatch(document -> document.type() == item.type() && document.holderIin().equals(item.holderIin())))
			.toList());
		mvc.perform(SIGNING.submission(mvc, id, applicant(), APPLICANT)).andExpect(status().isOk());
	}

	private String draft() throws Exception {
		return draft(APPLICANT, subject());
	}

	private String draft(String iin, String subject) throws Exception {
		String form;
		try (InputStream in = getClass().getResourceAsStream("/applications/complete-form.json")) {
			form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		return id(mvc.perform(post("/api/elorda/v1/applications").with(citizen(subject, iin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(form)).andExpect(status().isCreated()).andReturn());
	}

	private String id(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
	}

	private static String documentsOf(String applicationId) {
		return "/api/elorda/v1/applications/" + applicationId + "/documents";
	}

	private long count(String id) {
		return jdbc.sql("select count(*) from application_document where application_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single();
	}

	private List<String> audit(String id) {
		return jdbc.sql("select action from audit_log where subject = ? order by id")
			.param("application/" + id)
			.query(String.class)
			.list();
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	private String subject() {
		return "c-" + APPLICANT + "-" + edition.id();
	}

	private RequestPostProcessor applicant() {
		return citizen(subject(), APPLICANT);
	}

	private static RequestPostProcessor citizen(String subject, String iin) {
		return jwt().jwt(token -> token.subject(subject).claim("preferred_username", iin)
			.claim("roles", List.of("citizen"))).authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}

	private static RequestPostProcessor officer() {
		return as("akimat-officer");
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(role)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
