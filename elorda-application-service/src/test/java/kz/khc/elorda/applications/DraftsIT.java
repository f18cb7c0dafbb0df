package kz.khc.elorda.applications;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import kz.khc.elorda.documents.DocumentPackage;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Edition.DocumentType;
import kz.khc.elorda.editions.Editions;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static kz.khc.elorda.applications.IntakeTestConfiguration.CLOCK;
import static kz.khc.elorda.applications.IntakeTestConfiguration.SIGNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drafts and submission through HTTP into real PostgreSQL (issue 7 points 2, 4 and 5): a draft is saved as often as
 * the applicant likes and seen by nobody else; it is submitted with the applicant's signature over exactly its
 * content, and the same signature again is the same submission; a submitted application never changes; one
 * application per person and per family in an edition; nothing is taken outside the window; an incomplete form is
 * refused naming its fields; a refused or unverifiable signature leaves nothing stored.
 */
@Import(IntakeTestConfiguration.class)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class DraftsIT {

	static final String APPLICANT = "950312400238";
	static final String SPOUSE = "930720300018";
	static final String CHILD = "220115500013";
	@Autowired
	MockMvc mvc;

	@Autowired
	Editions editions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Edition edition;

	@BeforeEach
	void openEdition() {
		edition = OpenEdition.open(editions, CLOCK);
	}

	@Test
	void aDraftIsTheApplicantsOwnUntilSubmittedAndThenNeverChanges() throws Exception {
		String id = startDraft(APPLICANT, "{\"category\":\"EDUCATION\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.number").doesNotExist())
			.andExpect(jsonPath("$.editionId").value(edition.id()))
			.andReturn().getResponse().getContentAsString();
		id = json.readTree(id).get("id").asString();

		mvc.perform(send(put("/api/elorda/v1/applications/" + id + "/form"), form()).with(citizen(APPLICANT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.category").value("HEALTHCARE"));
		DocumentPackage.uploadAll(mvc, citizen(APPLICANT), id, DocumentPackage.complete(APPLICANT, SPOUSE, CHILD,
				today()));
		mvc.perform(get("/api/elorda/v1/applications/" + id).with(citizen("somebody-else", SPOUSE)))
			.andExpect(status().isNotFound());
		mvc.perform(send(put("/api/elorda/v1/applications/" + id + "/form"), form())
			.with(citizen("somebody-else", SPOUSE))).andExpect(status().isNotFound());
		mvc.perform(get("/api/elorda/v1/applications/" + id).with(officer()))
			.andExpect(status().isNotFound()); // a draft is nobody else's business, staff's neither

		mvc.perform(submission(id, APPLICANT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.startsWith("EZ-")));
		mvc.perform(get("/api/elorda/v1/applications/" + id).with(officer())).andExpect(status().isOk());

		mvc.perform(send(put("/api/elorda/v1/applications/" + id + "/form"), form()).with(citizen(APPLICANT))
			.header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("application-submitted"));
		mvc.perform(submission(id, APPLICANT))
			.andExpect(status().isConflict());
		assertThat(published(id)).isEqualTo(1);
	}

	@Test
	void onePersonOneApplicationAndOneFamilyOneApplicationInAnEdition() throws Exception {
		String id = submitted(APPLICANT, form());
		startDraft(APPLICANT, "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("already-applied"))
			.andExpect(jsonPath("$.applicationId").value(id));

		// the spouse applies too, naming the first applicant as spouse: a draft may be saved, never submitted
		ObjectNode theirs = form();
		ArrayNode family = (ArrayNode) theirs.get("family");
		((ObjectNode) family.get(0)).put("iin", APPLICANT);
		String second = json.readTree(startDraft(SPOUSE, theirs.toString()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString()).get("id").asString();
		DocumentPackage.uploadAll(mvc, citizen(SPOUSE), second, DocumentPackage.complete(SPOUSE, APPLICANT, CHILD,
				today()));
		mvc.perform(submission(second, SPOUSE)
			.header("Accept-Language", "kk"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("family-already-applied"));
		assertThat(statusOf(second)).isEqualTo("DRAFT");
	}

	@Test
	void anIncompleteOrInconsistentFormIsRefusedNamingItsFieldsAndStaysADraft() throws Exception {
		ObjectNode form = form();
		((ObjectNode) form.get("applicant")).remove("fullName");
		((ArrayNode) form.get("family")).add(json.readTree("""
				{"relation":"SPOUSE","iin":"960101400014","fullName":"Second","registeredIn":"ASTANA",
				 "permanentRegistration":true}"""));
		form.put("requestedLoan", 18_000_001);
		String id = json.readTree(startDraft(APPLICANT, form.toString()).andReturn().getResponse().getContentAsString())
			.get("id").asString();

		mvc.perform(submission(id, APPLICANT)
			.header("Accept-Language", "kk"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("application-incomplete"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("applicant.fullName")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("family[2].relation")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("requestedLoan")))
			.andExpect(jsonPath("$.errors[?(@.field == 'family[2].relation')].message")
				.value(hasItem("жұбай біреу ғана көрсетіле алады")));
		assertThat(statusOf(id)).isEqualTo("DRAFT");
		assertThat(published(id)).isZero();

		// a malformed draft is not even saved
		ObjectNode bad = form();
		((ObjectNode) bad.get("applicant").get("employment")).put("organizationBin", "123");
		mvc.perform(send(put("/api/elorda/v1/applications/" + id + "/form"), bad).with(citizen(APPLICANT)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant.employment.organizationBin"))
			.andExpect(jsonPath("$.errors[0].message").value("неверный БИН"));
	}

	@Test
	void nothingIsTakenOutsideTheWindow() throws Exception {
		String id = json.readTree(startDraft(APPLICANT, form().toString()).andReturn().getResponse()
			.getContentAsString()).get("id").asString();
		CLOCK.set(edition.closesAt());

		mvc.perform(submission(id, APPLICANT))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("intake-closed"))
			.andExpect(jsonPath("$.title").value("Приём заявлений закрыт"));
		startDraft(SPOUSE, "{}").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("intake-closed"));
		assertThat(statusOf(id)).isEqualTo("DRAFT");
	}

	@Test
	void staffListTheSubmittedOnlyAndNobodyElseListsAtAll() throws Exception {
		String id = submitted(APPLICANT, form());
		startDraft(SPOUSE, "{\"category\":\"HEALTHCARE\"}").andExpect(status().isCreated());

		mvc.perform(get("/api/elorda/v1/applications").with(officer()).param("category", "HEALTHCARE")
			.param("size", "200"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(hasItem(id)))
			.andExpect(jsonPath("$.items[*].status").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.not("DRAFT"))));
		mvc.perform(get("/api/elorda/v1/applications").with(citizen(APPLICANT))).andExpect(status().isForbidden());
		mvc.perform(get("/api/elorda/v1/applications").with(as("bank-officer"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/elorda/v1/applications")).andExpect(status().isUnauthorized());
		mvc.perform(send(post("/api/elorda/v1/applications"), form()).with(officer()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theSubmissionIsSignedAndTheSameSignatureAgainIsTheSameSubmission() throws Exception {
		String id = draft(APPLICANT);
		MockHttpServletRequestBuilder signed = submission(id, APPLICANT);

		String first = mvc.perform(signed).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String again = mvc.perform(submission(id, APPLICANT).content(contentOf(signed)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(json.readTree(again).get("number")).isEqualTo(json.readTree(first).get("number"));
		assertThat(published(id)).isEqualTo(1);
		assertThat(jdbc.sql("""
				select evidence ->> 'signerIin' || ' ' || (evidence -> 'revocation' ->> 'source')
				       || ' ' || (content_sha256 = encode(sha256(content), 'hex'))
				from application_signature where application_id = ?::uuid""").param(id).query(String.class).single())
			.isEqualTo(APPLICANT + " CRL true");
		mvc.perform(submission(id, APPLICANT)) // signed anew: not the submission made, a change
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("application-submitted"));
	}

	@Test
	void aSignatureOverOtherBytesOrByAnotherPersonOrRevokedIsRefusedWithItsReasonAndNothingIsStored()
			throws Exception {
		String id = draft(APPLICANT);
		byte[] content = Base64.getDecoder().decode(json.readTree(mvc.perform(
				get("/api/elorda/v1/applications/" + id + "/signing-content").with(citizen(APPLICANT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sha256").isString())
			.andReturn().getResponse().getContentAsString()).get("content").asString());
		byte[] changed = content.clone();
		changed[changed.length / 2] ^= 1;

		refused(id, SIGNING.sign(APPLICANT, changed), "SIGNATURE_INVALID", "en", "other data were signed");
		refused(id, SIGNING.sign(SPOUSE, content), "IIN_MISMATCH", "ru", "ИИН в сертификате");
		refused(id, Base64.getEncoder().encodeToString("not a CMS".getBytes()), "MALFORMED", "kk", "CMS");
		var revokedKey = SIGNING.key(APPLICANT);
		SIGNING.revoke(revokedKey);
		try {
			refused(id, SIGNING.sign(revokedKey, content), "REVOKED", "en", "revoked");
		}
		finally {
			SIGNING.revoke();
		}
		mvc.perform(post("/api/elorda/v1/applications/" + id + "/submission").with(citizen(APPLICANT))
			.contentType(MediaType.APPLICATION_JSON).content("{\"signature\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("signature"));
	}

	@Test
	void whenNobodyCanTellWhetherTheCertificateIsRevokedTheAnswerIsRetryLaterAndNothingIsStored() throws Exception {
		String id = draft(APPLICANT);
		MockHttpServletRequestBuilder signed = submission(id, APPLICANT);
		SIGNING.revocationDown(true);
		try {
			mvc.perform(signed)
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "60"))
				.andExpect(jsonPath("$.code").value("signature-unverifiable"));
		}
		finally {
			SIGNING.revocationDown(false);
		}
		assertThat(statusOf(id)).isEqualTo("DRAFT");
		assertThat(published(id)).isZero();
		assertThat(signatures(id)).isZero();

		mvc.perform(submission(id, APPLICANT).content(contentOf(signed))).andExpect(status().isOk());
		assertThat(signatures(id)).isOne();
	}

	@Test
	void anyoneCountsTheSubmittedApplicationsOfAnEditionPerCategoryDraftsNot() throws Exception {
		mvc.perform(get("/api/elorda/v1/editions/current/counters"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.editionId").value(edition.id()))
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.categories.ORPHANS").value(0)); // every category, none left out

		submitted(APPLICANT, form());
		startDraft("020330500020", "{\"category\":\"HEALTHCARE\"}").andExpect(status().isCreated());

		mvc.perform(get("/api/elorda/v1/editions/" + edition.id() + "/counters"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.categories.HEALTHCARE").value(1))
			.andExpect(jsonPath("$.categories.EDUCATION").value(0));
		mvc.perform(get("/api/elorda/v1/editions/no-such-edition/counters").header("Accept-Language", "kk"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
		CLOCK.set(OpenEdition.march(Integer.parseInt(edition.id().substring(1)), 32)); // the window has closed
		mvc.perform(get("/api/elorda/v1/editions/current/counters"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("no-open-edition"));
	}

	@Test
	void aSubmissionWithoutThePackageTheFamilyNeedsIsRefusedNamingEachDocumentAndStaysADraft() throws Exception {
		String id = draft(APPLICANT, form());
		DocumentPackage.uploadAll(mvc, citizen(APPLICANT), id, DocumentPackage.complete(APPLICANT, SPOUSE, CHILD,
				today())
			.stream()
			.filter(item -> !(item.type() == DocumentType.INCOME_CERTIFICATE && item.holderIin().equals(SPOUSE)))
			.filter(item -> !(item.type() == DocumentType.NO_PROPERTY_CERTIFICATE && item.holderIin().equals(APPLICANT)))
			.toList());
		DocumentPackage.upload(mvc, citizen(APPLICANT), id, new DocumentPackage.Item(
				DocumentType.NO_PROPERTY_CERTIFICATE, APPLICANT, today().minusDays(1))).andExpect(status().isCreated());

		mvc.perform(submission(id, APPLICANT))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("application-incomplete"))
			.andExpect(jsonPath("$.documents", hasSize(2)))
			.andExpect(jsonPath("$.documents[?(@.type == 'INCOME_CERTIFICATE' && @.holderIin == '" + SPOUSE
					+ "')].problem").value(hasItem("MISSING")))
			.andExpect(jsonPath("$.documents[?(@.type == 'NO_PROPERTY_CERTIFICATE')].problem")
				.value(hasItem("NOT_THE_SUBMISSION_DAY")))
			.andExpect(jsonPath("$.errors[?(@.field == 'documents')].message").value(hasItem(
					"Справка о доходах за 6 месяцев (" + SPOUSE + "): документ не загружен")))
			.andExpect(jsonPath("$.errors[?(@.field == 'documents')].message").value(hasItem(
					"Справка об отсутствии недвижимости (" + APPLICANT + "): документ должен быть выдан в день подачи")));
		assertThat(statusOf(id)).isEqualTo("DRAFT");
		assertThat(published(id)).isZero();

		DocumentPackage.upload(mvc, citizen(APPLICANT), id, new DocumentPackage.Item(
				DocumentType.NO_PROPERTY_CERTIFICATE, APPLICANT, today())).andExpect(status().isCreated());
		mvc.perform(submission(id, APPLICANT)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.documents", hasSize(1)))
			.andExpect(jsonPath("$.documents[0].message").value(
					"Income certificate for 6 months (" + SPOUSE + "): not uploaded"));
		DocumentPackage.upload(mvc, citizen(APPLICANT), id, new DocumentPackage.Item(
				DocumentType.INCOME_CERTIFICATE, SPOUSE, today().minusDays(3))).andExpect(status().isCreated());
		mvc.perform(submission(id, APPLICANT))
			.andExpect(status().isOk());
	}

	/** DOMAIN "Documents": at most 10 calendar days before submission — the 10th day in, the 11th out. */
	@Test
	void anEmploymentCertificateIsInTimeOnItsTenthDayAndTooOldOnItsEleventh() throws Exception {
		String id = draft(APPLICANT, form());
		DocumentPackage.uploadAll(mvc, citizen(APPLICANT), id, DocumentPackage.complete(APPLICANT, SPOUSE, CHILD,
				today())
			.stream()
			.map(item -> item.type() == DocumentType.EMPLOYMENT_CERTIFICATE
					? new DocumentPackage.Item(item.type(), item.holderIin(), today().minusDays(11)) : item)
			.toList());
		mvc.perform(submission(id, APPLICANT)
			.header("Accept-Language", "kk"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.documents", hasSize(1)))
			.andExpect(jsonPath("$.documents[0].type").value("EMPLOYMENT_CERTIFICATE"))
			.andExpect(jsonPath("$.documents[0].problem").value("TOO_OLD"))
			.andExpect(jsonPath("$.documents[0].maxAgeDays").value(10))
			.andExpect(jsonPath("$.documents[0].message").value("Жұмыс орнынан анықтама (" + APPLICANT
					+ "): құжат өтінім берілгенге дейін 10 күнтізбелік күннен ертерек берілген"));

		DocumentPackage.upload(mvc, citizen(APPLICANT), id, new DocumentPackage.Item(
				DocumentType.EMPLOYMENT_CERTIFICATE, APPLICANT, today().minusDays(10))).andExpect(status().isCreated());
		mvc.perform(submission(id, APPLICANT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	private String submitted(String iin, ObjectNode form) throws Exception {
		String id = draft(iin, form);
		DocumentPackage.uploadAll(mvc, citizen(iin), id, DocumentPackage.complete(iin,
				form.get("family").get(0).get("iin").asString(), form.get("family").get(1).get("iin").asString(),
				today()));
		mvc.perform(submission(id, iin))
			.andExpect(status().isOk());
		return id;
	}

	private MockHttpServletRequestBuilder submission(String id, String iin) throws Exception {
		return SIGNING.submission(mvc, id, citizen(iin), iin);
	}

	/** A draft with the whole form and the documents it needs, ready to be signed and submitted. */
	private String draft(String iin) throws Exception {
		String id = draft(iin, form());
		DocumentPackage.uploadAll(mvc, citizen(iin), id, DocumentPackage.complete(APPLICANT, SPOUSE, CHILD, today()));
		return id;
	}

	private void refused(String id, String signature, String reason, String language, String explained)
			throws Exception {
		mvc.perform(post("/api/elorda/v1/applications/" + id + "/submission").with(citizen(APPLICANT))
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"signature\":\"" + signature + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("signature-refused"))
			.andExpect(jsonPath("$.reason").value(reason))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(explained)));
		assertThat(statusOf(id)).isEqualTo("DRAFT");
		assertThat(published(id)).isZero();
		assertThat(signatures(id)).isZero();
	}

	private static String contentOf(MockHttpServletRequestBuilder request) {
		return new String(request.buildRequest(new MockServletContext()).getContentAsByteArray(),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	private long signatures(String id) {
		return jdbc.sql("select count(*) from application_signature where application_id = ?::uuid").param(id)
			.query(Long.class).single();
	}

	private String draft(String iin, ObjectNode form) throws Exception {
		return json.readTree(startDraft(iin, form.toString()).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString()).get("id").asString();
	}

	private static LocalDate today() {
		return LocalDate.now(CLOCK);
	}

	private ResultActions startDraft(String iin, String form) throws Exception {
		return mvc.perform(post("/api/elorda/v1/applications").with(citizen(iin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(form));
	}

	private ObjectNode form() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/applications/complete-form.json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	private static MockHttpServletRequestBuilder send(MockHttpServletRequestBuilder request, ObjectNode body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body.toString());
	}

	private String statusOf(String id) {
		return jdbc.sql("select status from application where id = ?::uuid").param(id).query(String.class).single();
	}

	private long published(String id) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + id + "%")
			.query(Long.class)
			.single();
	}

	/** A citizen whose user id is derived from the IIN, so that each test's people are its own. */
	private RequestPostProcessor citizen(String iin) {
		return citizen("c-" + iin + "-" + edition.id(), iin);
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
