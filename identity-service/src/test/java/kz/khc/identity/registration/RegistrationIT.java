package kz.khc.identity.registration;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import kz.khc.identity.Outside;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Primary authorization (DOMAIN I1) through HTTP, against real PostgreSQL with the cabinet, the notification
 * service, Keycloak's token endpoint and the captcha provider simulated: one answer whatever did not match, a code
 * only for a match, the code's rules, and each input refused with its field named.
 */
@SpringBootTest(properties = { "identity.registration.min-answer-time=300ms",
		// the limits are OneTimeCodesIT's; here the same person starts many times
		"identity.codes.per-phone-per-hour=1000", "identity.codes.per-iin-per-hour=1000" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class RegistrationIT {

	static final WireMockServer OUTSIDE = Outside.SERVER;

	static final String CODES = "/internal/notifications/v1/one-time-codes";
	static final String CHECKS = "/internal/cabinet/v1/primary-authorization/checks";
	static final String KNOWN = """
			{"userType":"CLIENT","accountNumber":"110000101182","iin":"651106450323","contractNumber":"KZHK-1",
			 "contractDate":"2019-04-12","mobile":"8 701 123 45 67","captchaToken":"human","termsAccepted":true}""";

	@DynamicPropertySource
	static void outside(DynamicPropertyRegistry registry) {
		Outside.properties(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void outsideWorld() {
		Outside.reset();
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo("/recaptcha/api/siteverify"))
			.willReturn(okJson("{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}")));
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo("/recaptcha/api/siteverify"))
			.withRequestBody(containing("response=human"))
			.willReturn(okJson("{\"success\":true}")));
		// the company's records: one contract matches exactly these five values
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo(CHECKS)).willReturn(okJson("{\"matches\":false,\"clientId\":null}")));
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo(CHECKS))
			.withRequestBody(equalToJson("""
					{"accountNumber":"110000101182","iin":"651106450323","contractNumber":"KZHK-1",
					 "contractDate":"2019-04-12","mobile":"+77011234567"}"""))
			.willReturn(okJson("""
					{"matches":true,"clientId":"3f0c4a8e-6a7e-4f0e-9a51-3d6b0b2f1a10","surname":"Ахметова","firstName":"Дана"}""")));
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo(CODES)).willReturn(aResponse().withStatus(202)));
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo("/admin/realms/elorda/users"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Location", OUTSIDE.baseUrl() + "/admin/realms/elorda/users/6d1b1f52-7c1e-4f7e-8f7e-2b7c9b0f4e21")));
		OUTSIDE.stubFor(WireMock.get(urlPathEqualTo("/admin/realms/elorda/roles/citizen"))
			.willReturn(okJson("{\"id\":\"f1e2d3c4-0000-4000-8000-000000000001\",\"name\":\"citizen\"}")));
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo(
				"/admin/realms/elorda/users/6d1b1f52-7c1e-4f7e-8f7e-2b7c9b0f4e21/role-mappings/realm"))
			.willReturn(aResponse().withStatus(204)));
	}

	@Test
	void aConfirmedRegistrationSetsAPasswordUnderThePolicyOnceAndTheAccountIsMadeAtKeycloak() throws Exception {
		String challenge = challengeOf(start(KNOWN, "10.5.0.1").andReturn());
		String password = "/api/identity/v1/registrations/" + challenge + "/password";
		mvc.perform(post(password).contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Aa1!aaaa\",\"repeated\":\"Aa1!aaaa\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("registration-expired")); // the code is not confirmed yet
		confirm(challenge, sentCode());

		mvc.perform(post(password).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
			.content("{\"password\":\"x651106450323\",\"repeated\":\"y\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.violations").value(org.hamcrest.Matchers.contains("NO_UPPERCASE", "NO_SYMBOL",
					"CONTAINS_IIN", "NOT_THE_SAME_TWICE")))
			.andExpect(jsonPath("$.errors[?(@.field == 'repeated')].message").value("the passwords do not match"));
		OUTSIDE.verify(0, postRequestedFor(urlPathEqualTo("/admin/realms/elorda/users")));

		mvc.perform(post(password).contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Құпия-сөз9\",\"repeated\":\"Құпия-сөз9\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.registered").value(true));
		OUTSIDE.verify(postRequestedFor(urlPathEqualTo("/admin/realms/elorda/users"))
			.withHeader("Authorization", WireMock.equalTo("Bearer service-token"))
			.withRequestBody(equalToJson("""
					{"username":"651106450323","enabled":true,"firstName":"Дана","lastName":"Ахметова",
					 "attributes":{"account_number":["110000101182"],"user_type":["CLIENT"],"mobile":["+77011234567"]},
					 "credentials":[{"type":"password","value":"Құпия-сөз9","temporary":false}]}""", true, true)));
		assertThat(jdbc.sql("select serialized_event from event_publication where serialized_event like ?")
			.param("%6d1b1f52-7c1e-4f7e-8f7e-2b7c9b0f4e21%")
			.query(String.class)
			.list()).as("UserRegistered, in the transaction of the registration").singleElement()
			.satisfies(event -> assertThat(event).contains("\"iin\":\"651106450323\"", "\"mobile\":\"+77011234567\"",
					"\"userType\":\"CLIENT\"", "\"language\":\"ru\"").doesNotContain("Құпия"));
		OUTSIDE.verify(postRequestedFor(urlPathEqualTo(
				"/admin/realms/elorda/users/6d1b1f52-7c1e-4f7e-8f7e-2b7c9b0f4e21/role-mappings/realm"))
			.withRequestBody(containing("citizen")));
		assertThat(jdbc.sql("select count(*) from audit_log where reason like '%Құпия%' or actor like '%Құпия%'")
			.query(Long.class)
			.single()).as("the password is nowhere in the audit trail").isZero();

		mvc.perform(post(password).contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Құпия-сөз9\",\"repeated\":\"Құпия-сөз9\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("registration-expired")); // done once
	}

	@Test
	void someoneWhoHasAnAccountIsToldSoOnlyAfterProvingThePhone() throws Exception {
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo("/admin/realms/elorda/users"))
			.willReturn(aResponse().withStatus(409).withBody("{\"errorMessage\":\"User exists with same username\"}")));
		String challenge = challengeOf(start(KNOWN, "10.6.0.1").andReturn());
		confirm(challenge, sentCode());
		mvc.perform(post("/api/identity/v1/registrations/" + challenge + "/password").contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"Aa1!aaaa\",\"repeated\":\"Aa1!aaaa\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("already-registered"));
	}

	private void confirm(String challenge, String code) throws Exception {
		mvc.perform(post("/api/identity/v1/registrations/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}")).andExpect(status().isOk());
	}

	@Test
	void aMatchAndEachSingleWrongFieldGetTheSameAnswerButOnlyTheMatchGetsACode() throws Exception {
		List<String> variants = List.of(KNOWN, KNOWN.replace("110000101182", "110000101183"),
				KNOWN.replace("651106450323", "950312400238"), KNOWN.replace("KZHK-1", "KZHK-9"),
				KNOWN.replace("2019-04-12", "2019-04-13"), KNOWN.replace("8 701 123 45 67", "+77011234568"));
		List<JsonNode> answers = new ArrayList<>();
		List<Long> millis = new ArrayList<>();
		for (String variant : variants) {
			long began = System.nanoTime();
			MvcResult result = start(variant, "10.0.0." + answers.size()).andExpect(status().isAccepted()).andReturn();
			millis.add((System.nanoTime() - began) / 1_000_000);
			answers.add(json.readTree(result.getResponse().getContentAsString()));
		}
		for (JsonNode answer : answers) {
			assertThat(answer.propertyNames()).containsExactlyInAnyOrder("challengeId", "expiresAt", "resendableAt");
		}
		assertThat(millis).as("every answer waits for the same floor").allMatch(ms -> ms >= 300);
		OUTSIDE.verify(1, postRequestedFor(urlPathEqualTo(CODES)));
		OUTSIDE.verify(1, postRequestedFor(urlPathEqualTo(CODES)).withRequestBody(
				equalToJson("{\"mobile\":\"+77011234567\",\"purpose\":\"REGISTRATION\"}", true, true)));
		assertThat(jdbc.sql("select actor from audit_log where action = 'registration.started' and subject = ?")
			.param("registration/" + answers.getFirst().get("challengeId").asString())
			.query(String.class)
			.single()).as("who, with the IIN masked").isEqualTo("iin:65********23");
	}

	@Test
	void theCodeFromTheSmsConfirmsOnceAndNothingConfirmsARegistrationThatDidNotMatch() throws Exception {
		String challenge = challengeOf(start(KNOWN, "10.1.0.1").andReturn());
		String code = sentCode();
		mvc.perform(post("/api/identity/v1/registrations/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + wrong(code) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("code-invalid"))
			.andExpect(jsonPath("$.triesLeft").value(4));
		mvc.perform(post("/api/identity/v1/registrations/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.verified").value(true));
		mvc.perform(post("/api/identity/v1/registrations/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}")).andExpect(status().isBadRequest()); // reused

		String unmatched = challengeOf(start(KNOWN.replace("KZHK-1", "KZHK-2"), "10.1.0.2").andReturn());
		mvc.perform(post("/api/identity/v1/registrations/" + unmatched + "/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("code-invalid"));
	}

	@Test
	void aResendComesAfterAMinuteNotBefore() throws Exception {
		String challenge = challengeOf(start(KNOWN, "10.2.0.1").andReturn());
		mvc.perform(post("/api/identity/v1/registrations/" + challenge + "/resend").header("Accept-Language", "en"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.code").value("too-many-codes"));
	}

	@Test
	void eachMalformedInputIsNamedAndTheCaptchaAndConsentAreRequired() throws Exception {
		mvc.perform(post("/api/identity/v1/registrations").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("""
					{"userType":"ADMIN","accountNumber":"11000010118","iin":"651106450324","contractNumber":"",
					 "contractDate":"2999-01-01","mobile":"+7 999 123 45 67","captchaToken":"human","termsAccepted":false}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("userType",
					"accountNumber", "iin", "contractNumber", "contractDate", "mobile", "termsAccepted")))
			.andExpect(jsonPath("$.errors[?(@.field == 'iin')].message").value("not a valid IIN"));

		start(KNOWN.replace("\"human\"", "\"bot\""), "10.3.0.1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("captcha-failed"));
		OUTSIDE.verify(0, postRequestedFor(urlPathEqualTo(CHECKS)));
	}

	@Test
	void whenTheSmsCannotBeSentThePersonIsToldAndNothingIsKept() throws Exception {
		OUTSIDE.stubFor(WireMock.post(urlPathEqualTo(CODES)).willReturn(aResponse().withStatus(503)));
		long before = jdbc.sql("select count(*) from registration").query(Long.class).single();
		start(KNOWN, "10.4.0.1").andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("sms-unavailable"))
			.andExpect(header().string("Retry-After", "60"));
		assertThat(jdbc.sql("select count(*) from registration").query(Long.class).single()).isEqualTo(before);
	}

	private org.springframework.test.web.servlet.ResultActions start(String body, String address) throws Exception {
		return mvc.perform(post("/api/identity/v1/registrations").contentType(MediaType.APPLICATION_JSON)
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			})
			.content(body));
	}

	private String challengeOf(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString()).get("challengeId").asString();
	}

	private String sentCode() {
		var requests = OUTSIDE.findAll(postRequestedFor(urlPathEqualTo(CODES)));
		return json.readTree(requests.getLast().getBodyAsString()).get("code").asString();
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}
}
