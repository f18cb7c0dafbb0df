package kz.khc.identity.login;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;

import kz.khc.identity.Outside;
import kz.khc.identity.TestClock;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static kz.khc.identity.Outside.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Login (DOMAIN I3) through HTTP against real PostgreSQL, with Keycloak's token, logout and admin endpoints
 * simulated: the account must be the IIN's own, five failures lock the IIN whether or not it has an account, the
 * lock says until when and ends on time, refresh and logout go to Keycloak.
 */
@SpringBootTest(properties = "identity.login.min-answer-time=300ms")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(TestClock.AsTheServiceClock.class)
class LoginIT {

	static final TestClock CLOCK = TestClock.INSTANCE;
	static final String ACCOUNT = "110000101182";
	static final String PASSWORD = "Құпия-сөз7";

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

	@BeforeEach
	void keycloak() {
		Outside.reset();
		iin = Outside.newIin();
		userId = UUID.randomUUID().toString();
		// Keycloak knows this IIN with this password; any other password or username is refused
		SERVER.stubFor(WireMock.post(urlPathEqualTo(Outside.TOKEN_PATH)).withRequestBody(containing("grant_type=password"))
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}")));
		SERVER.stubFor(WireMock.post(urlPathEqualTo(Outside.TOKEN_PATH)).withRequestBody(containing("grant_type=password"))
			.withRequestBody(containing("username=" + iin))
			.withRequestBody(containing("password=%D2%9A%D2%B1%D0%BF%D0%B8%D1%8F-%D1%81%D3%A9%D0%B77"))
			.willReturn(okJson(Outside.tokens(userId, ACCOUNT, "CLIENT"))));
		SERVER.stubFor(WireMock.post(urlPathEqualTo(Outside.LOGOUT_PATH)).willReturn(aResponse().withStatus(204)));
		SERVER.stubFor(get(urlPathEqualTo(Outside.ADMIN + "/users")).willReturn(okJson("[]")));
		SERVER.stubFor(get(urlPathEqualTo(Outside.ADMIN + "/users"))
			.withQueryParam("username", equalTo(iin))
			.willReturn(okJson("[{\"id\":\"%s\",\"username\":\"%s\"}]".formatted(userId, iin))));
	}

	@Test
	void aClientLogsInWithTheirAccountAndGetsTokensNobodyCaches() throws Exception {
		login("CLIENT", ACCOUNT, iin, PASSWORD).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.tokenType").value("Bearer"))
			.andExpect(jsonPath("$.expiresIn").value(300))
			.andExpect(jsonPath("$.accessToken").isNotEmpty())
			.andExpect(jsonPath("$.refreshToken").value(Outside.refreshToken(userId)));

		SERVER.verify(postRequestedFor(urlPathEqualTo(Outside.TOKEN_PATH))
			.withRequestBody(containing("client_id=citizen-login"))
			.withRequestBody(containing("client_secret=")));
		assertThat(lastAudit()).isEqualTo("login.succeeded by iin:%s********%s from 203.0.113.7"
			.formatted(iin.substring(0, 2), iin.substring(10)));
	}

	@Test
	void anAccountNumberOrUserTypeThatIsNotTheIinsOwnFailsLikeAWrongPassword() throws Exception {
		JsonNode otherAccount = problem(login("CLIENT", "110000000999", iin, PASSWORD).andExpect(status().isUnauthorized()));
		JsonNode otherType = problem(login("CO_INVESTOR", ACCOUNT, iin, PASSWORD).andExpect(status().isUnauthorized()));
		JsonNode wrongPassword = problem(login("CLIENT", ACCOUNT, iin, "Wrong-pass1").andExpect(status().isUnauthorized()));

		assertThat(otherAccount.path("code").asString()).isEqualTo("login-failed");
		assertThat(otherAccount.properties()).extracting(Map.Entry::getKey)
			.containsExactlyElementsOf(wrongPassword.properties().stream().map(Map.Entry::getKey).toList());
		assertThat(List.of(otherAccount, otherType, wrongPassword)).extracting(node -> node.path("attemptsLeft").asInt())
			.containsExactly(4, 3, 2);
		// the session Keycloak opened for the right password is ended at once
		SERVER.verify(2, postRequestedFor(urlPathEqualTo(Outside.LOGOUT_PATH))
			.withRequestBody(containing("refresh_token=")));
	}

	@Test
	void fiveFailuresLockTheIinUntilATimeTheAnswerGivesAndTheLockEndsThen() throws Exception {
		for (int attempt = 1; attempt <= 4; attempt++) {
			login("CLIENT", ACCOUNT, iin, "Wrong-pass" + attempt).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.attemptsLeft").value(5 - attempt));
		}
		JsonNode locked = problem(login("CLIENT", ACCOUNT, iin, "Wrong-pass5").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "60")));
		assertThat(locked.path("code").asString()).isEqualTo("account-locked");
		assertThat(locked.path("lockedUntil").asString()).isEqualTo(CLOCK.instant().plusSeconds(60).toString());
		assertThat(events("AccountLocked")).filteredOn(event -> event.contains(userId))
			.singleElement()
			.satisfies(event -> assertThat(event).contains("\"failedAttempts\":5"));

		int passwordChecks = passwordChecks();
		login("CLIENT", ACCOUNT, iin, PASSWORD).andExpect(status().isTooManyRequests());
		assertThat(passwordChecks()).as("a locked IIN's password is not even checked").isEqualTo(passwordChecks);

		CLOCK.advance(Duration.ofSeconds(59));
		login("CLIENT", ACCOUNT, iin, PASSWORD).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"));
		CLOCK.advance(Duration.ofSeconds(1));
		login("CLIENT", ACCOUNT, iin, PASSWORD).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from login_failure where iin = ?").param(iin).query(Long.class).single())
			.as("a successful login forgets the failures").isZero();
	}

	@Test
	void anIinWithoutAnAccountLocksTheSameWaySoTheLockRevealsNothing() throws Exception {
		String nobody = Outside.newIin();
		MvcResult last = null;
		MvcResult known = null;
		for (int attempt = 1; attempt <= 5; attempt++) {
			last = login("CLIENT", ACCOUNT, nobody, "Wrong-pass" + attempt).andReturn();
			known = login("CLIENT", ACCOUNT, iin, "Wrong-pass" + attempt).andReturn();
			assertThat(last.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus());
			assertThat(fieldsOf(last)).isEqualTo(fieldsOf(known));
		}
		assertThat(last.getResponse().getStatus()).isEqualTo(429);
		assertThat(last.getResponse().getHeader("Retry-After")).isEqualTo(known.getResponse().getHeader("Retry-After"));
		assertThat(events("AccountLocked")).as("only an existing account hears of its lock")
			.noneMatch(event -> event.contains(nobody));
	}

	@Test
	void aRefusedLoginTakesTheSameMinimumTimeWhetherKeycloakHashedAPasswordOrNot() throws Exception {
		SERVER.stubFor(WireMock.post(urlPathEqualTo(Outside.TOKEN_PATH)).withRequestBody(containing("username=" + iin))
			.withRequestBody(containing("password=Slow-wrong1"))
			.willReturn(aResponse().withStatus(401).withFixedDelay(150)
				.withBody("{\"error\":\"invalid_grant\"}")));
		for (String who : List.of(iin, Outside.newIin())) {
			long began = System.nanoTime();
			login("CLIENT", ACCOUNT, who, "Slow-wrong1").andExpect(status().isUnauthorized());
			assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		}
	}

	@Test
	void refreshGivesTheNextPairAndAUsedOrEndedRefreshTokenEndsTheSession() throws Exception {
		String refresh = Outside.refreshToken(userId);
		SERVER.stubFor(WireMock.post(urlPathEqualTo(Outside.TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}")));
		SERVER.stubFor(WireMock.post(urlPathEqualTo(Outside.TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.withRequestBody(containing("refresh_token=" + refresh))
			.willReturn(okJson(Outside.tokens(userId, ACCOUNT, "CLIENT"))));

		mvc.perform(post("/api/identity/v1/sessions/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refreshToken\":\"" + refresh + "\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.accessToken").isNotEmpty());
		mvc.perform(post("/api/identity/v1/sessions/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refreshToken\":\"" + Outside.refreshToken("someone-else") + "\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("session-ended"));
	}

	@Test
	void logoutEndsTheSessionAtKeycloakAndIsAuditedUnderTheUser() throws Exception {
		String refresh = Outside.refreshToken(userId);
		mvc.perform(post("/api/identity/v1/sessions/logout").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refreshToken\":\"" + refresh + "\"}"))
			.andExpect(status().isNoContent());

		SERVER.verify(postRequestedFor(urlPathEqualTo(Outside.LOGOUT_PATH))
			.withRequestBody(containing("refresh_token=" + refresh))
			.withRequestBody(containing("client_id=citizen-login")));
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'session.ended' and actor = ?")
			.param("user:" + userId)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void malformedCredentialsAreRefusedFieldByFieldWithoutAskingKeycloak() throws Exception {
		JsonNode problem = problem(login("ADMIN", "11000010118", "651106450324", "").andExpect(status().isBadRequest()));
		assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("userType",
				"accountNumber", "iin", "password");
		SERVER.verify(0, postRequestedFor(urlPathEqualTo(Outside.TOKEN_PATH)).withRequestBody(containing("grant_type=password")));
	}

	private ResultActions login(String userType, String accountNumber, String iin, String password) throws Exception {
		return mvc.perform(post("/api/identity/v1/sessions").with(request -> {
			request.setRemoteAddr("203.0.113.7");
			return request;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("userType", userType, "accountNumber", accountNumber, "iin", iin,
					"password", password))));
	}

	private JsonNode problem(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	private List<String> fieldsOf(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString()).properties().stream()
			.map(Map.Entry::getKey)
			.filter(field -> !field.equals("traceId"))
			.sorted()
			.toList();
	}

	private int passwordChecks() {
		return SERVER.findAll(postRequestedFor(urlPathEqualTo(Outside.TOKEN_PATH))
			.withRequestBody(containing("grant_type=password"))).size();
	}

	private String lastAudit() {
		return jdbc.sql("select action || ' by ' || actor || ' ' || reason from audit_log order by id desc limit 1")
			.query(String.class)
			.single();
	}

	private List<String> events(String type) {
		return jdbc.sql("select serialized_event from event_publication where event_type like ?")
			.param("%." + type)
			.query(String.class)
			.list();
	}
}
