package kz.khc.identity.registration;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static kz.khc.identity.Outside.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The forgotten password (DOMAIN I3) through HTTP against real PostgreSQL, Keycloak's admin API and the notification
 * service simulated: a code only when account, IIN and the registered mobile are one account's, the same answer
 * otherwise, the new password under the I2 policy, and the reset ends the sessions and clears a login lock.
 */
@SpringBootTest(properties = "identity.registration.min-answer-time=200ms")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class PasswordResetIT {

	static final String ACCOUNT = "110000101182";
	static final String CODES = "/internal/notifications/v1/one-time-codes";

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

	String iin;
	String userId;
	String mobile;

	@BeforeEach
	void keycloakKnowsOneAccount() {
		Outside.reset();
		iin = Outside.newIin();
		userId = UUID.randomUUID().toString();
		mobile = "+7701%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
		SERVER.stubFor(WireMock.get(urlPathEqualTo(Outside.ADMIN + "/users")).willReturn(okJson("[]")));
		SERVER.stubFor(WireMock.get(urlPathEqualTo(Outside.ADMIN + "/users")).withQueryParam("username", equalTo(iin))
			.willReturn(okJson("""
					[{"id":"%s","username":"%s","attributes":{"account_number":["%s"],"user_type":["CLIENT"],
					  "mobile":["%s"]}}]""".formatted(userId, iin, ACCOUNT, mobile))));
		SERVER.stubFor(WireMock.put(urlPathEqualTo(Outside.ADMIN + "/users/" + userId + "/reset-password"))
			.willReturn(aResponse().withStatus(204)));
		SERVER.stubFor(WireMock.post(urlPathEqualTo(Outside.ADMIN + "/users/" + userId + "/logout"))
			.willReturn(aResponse().withStatus(204)));
		SERVER.stubFor(WireMock.post(urlPathEqualTo(CODES)).willReturn(aResponse().withStatus(202)));
	}

	@Test
	void theRegisteredMobileGetsACodeAndEachSingleWrongValueGetsTheSameAnswerWithoutOne() throws Exception {
		String known = start(ACCOUNT, iin, "8" + mobile.substring(2)).andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		SERVER.verify(1, postRequestedFor(urlPathEqualTo(CODES)).withRequestBody(equalToJson("""
				{"mobile":"%s","purpose":"PASSWORD_RESET","personId":"%s"}""".formatted(mobile, userId), true, true)));

		for (List<String> wrong : List.of(List.of("110000101183", iin, mobile), List.of(ACCOUNT, Outside.newIin(), mobile),
				List.of(ACCOUNT, iin, "+77479876543"))) {
			long began = System.nanoTime();
			String answer = start(wrong.get(0), wrong.get(1), wrong.get(2)).andExpect(status().isAccepted())
				.andReturn().getResponse().getContentAsString();
			assertThat(Duration.ofNanos(System.nanoTime() - began)).as("padded like a match, which sends an SMS")
				.isGreaterThanOrEqualTo(Duration.ofMillis(200));
			assertThat(fields(answer)).isEqualTo(fields(known));
		}
		SERVER.verify(1, postRequestedFor(urlPathEqualTo(CODES)));
	}

	@Test
	void aCodeForDetailsThatMatchedNoAccountNeverConfirmsEvenIfRight() throws Exception {
		String challenge = challengeOf(start(ACCOUNT, iin, mobile).andReturn());
		// as if the details had matched no account: the right code must not confirm it
		jdbc.sql("update password_reset set user_id = null where challenge_id = ?::uuid").param(challenge).update();
		mvc.perform(post("/api/identity/v1/password-resets/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + sentCode() + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("code-invalid"));
	}

	@Test
	void aConfirmedResetSetsAPasswordUnderThePolicyEndsTheSessionsAndClearsTheLock() throws Exception {
		jdbc.sql("insert into login_failure (iin, failures, last_failure_at, locked_until) values (?, 5, ?, ?)")
			.params(iin, Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plusSeconds(900)))
			.update();
		String challenge = challengeOf(start(ACCOUNT, iin, mobile).andReturn());
		String password = "/api/identity/v1/password-resets/" + challenge + "/password";
		setPassword(password, "Жаңа-құпия8", "Жаңа-құпия8").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("reset-expired")); // the code is not confirmed yet

		mvc.perform(post("/api/identity/v1/password-resets/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + sentCode() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verified").value(true));
		setPassword(password, "short" + iin, "short" + iin).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.violations").value(org.hamcrest.Matchers.contains("NO_UPPERCASE", "NO_SYMBOL",
					"CONTAINS_IIN")));
		SERVER.verify(0, putRequestedFor(urlPathEqualTo(Outside.ADMIN + "/users/" + userId + "/reset-password")));

		setPassword(password, "Жаңа-құпия8", "Жаңа-құпия8").andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(true));
		SERVER.verify(putRequestedFor(urlPathEqualTo(Outside.ADMIN + "/users/" + userId + "/reset-password"))
			.withHeader("Authorization", equalTo("Bearer service-token"))
			.withRequestBody(equalToJson("{\"type\":\"password\",\"value\":\"Жаңа-құпия8\",\"temporary\":false}")));
		SERVER.verify(postRequestedFor(urlPathEqualTo(Outside.ADMIN + "/users/" + userId + "/logout")));
		assertThat(jdbc.sql("select count(*) from login_failure where iin = ?").param(iin).query(Long.class).single())
			.as("the reset clears the lock").isZero();
		assertThat(jdbc.sql("select serialized_event from event_publication where serialized_event like ?")
			.param("%" + userId + "%")
			.query(String.class)
			.list()).singleElement().satisfies(event -> assertThat(event).contains("\"reason\":\"RESET\""));
		assertThat(jdbc.sql("select count(*) from audit_log where reason like '%Жаңа%'").query(Long.class).single())
			.as("the password is nowhere in the audit trail").isZero();

		setPassword(password, "Жаңа-құпия8", "Жаңа-құпия8").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("reset-expired")); // done once
	}

	@Test
	void aResetsCodeConfirmsNoRegistrationAndStaysUnspent() throws Exception {
		String challenge = challengeOf(start(ACCOUNT, iin, mobile).andReturn());
		String code = "{\"code\":\"" + sentCode() + "\"}";
		mvc.perform(post("/api/identity/v1/registrations/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content(code))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("code-invalid"));
		mvc.perform(post("/api/identity/v1/password-resets/" + challenge + "/code").contentType(MediaType.APPLICATION_JSON)
			.content(code))
			.andExpect(status().isOk());
	}

	@Test
	void resendingTooEarlyIsRefusedWithTheSecondsToWait() throws Exception {
		String challenge = challengeOf(start(ACCOUNT, iin, mobile).andReturn());
		mvc.perform(post("/api/identity/v1/password-resets/" + challenge + "/resend"))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.code").value("too-many-codes"))
			.andExpect(header().exists("Retry-After"));
	}

	private ResultActions start(String accountNumber, String iin, String mobile) throws Exception {
		return mvc.perform(post("/api/identity/v1/password-resets").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("accountNumber", accountNumber, "iin", iin, "mobile", mobile,
					"captchaToken", "human"))));
	}

	private ResultActions setPassword(String path, String password, String repeated) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("password", password, "repeated", repeated))));
	}

	private String challengeOf(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString()).get("challengeId").asString();
	}

	private List<String> fields(String body) {
		JsonNode node = json.readTree(body);
		return node.properties().stream().map(Map.Entry::getKey).sorted().toList();
	}

	private String sentCode() {
		var requests = SERVER.findAll(postRequestedFor(urlPathEqualTo(CODES)));
		return json.readTree(requests.getLast().getBodyAsString()).get("code").asString();
	}
}
