package kz.khc.identity.email;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static kz.khc.identity.Outside.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DOMAIN I4 through HTTP against real PostgreSQL, Keycloak's admin API simulated: the signed-in client's new address
 * gets a link by email (an {@code EmailVerificationRequested} in the publication registry); the link confirms once,
 * within 24 hours, only as issued and only while it is the latest; a confirmation sets the address verified at
 * Keycloak and announces {@code EmailVerified}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(TestClock.AsTheServiceClock.class)
class EmailVerificationIT {

	static final TestClock CLOCK = TestClock.INSTANCE;
	static final Pattern TOKEN = Pattern.compile("\\?token=([^\"]+)\"");

	@DynamicPropertySource
	static void outside(DynamicPropertyRegistry registry) {
		Outside.properties(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String userId;

	@BeforeEach
	void keycloakHasTheUser() {
		Outside.reset();
		userId = UUID.randomUUID().toString();
		SERVER.stubFor(WireMock.get(urlPathEqualTo(Outside.ADMIN + "/users/" + userId))
			.willReturn(okJson("""
					{"id":"%s","username":"651106450323","enabled":true,"firstName":"Дана","lastName":"Ахметова",
					 "attributes":{"account_number":["110000101182"],"user_type":["CLIENT"]}}""".formatted(userId))));
		SERVER.stubFor(WireMock.put(urlPathEqualTo(Outside.ADMIN + "/users/" + userId))
			.willReturn(aResponse().withStatus(204)));
	}

	@Test
	void theLinkSentToTheNewAddressConfirmsItOnceAtKeycloakAndTellsTheCabinet() throws Exception {
		change("Dana.Akhmetova@Example.KZ ").andExpect(status().isAccepted())
			.andExpect(jsonPath("$.email").value("dana.akhmetova@example.kz"))
			.andExpect(jsonPath("$.verified").value(false))
			.andExpect(jsonPath("$.linkExpiresAt").value(CLOCK.instant().plus(Duration.ofHours(24)).toString()));
		String requested = event("EmailVerificationRequested");
		assertThat(requested).contains("\"accountNumber\":\"110000101182\"", "\"language\":\"kk\"",
				"http://localhost:8080/cabinet/email-confirmation?token=");

		confirm(tokenIn(requested)).andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("dana.akhmetova@example.kz"))
			.andExpect(jsonPath("$.verified").value(true));
		SERVER.verify(putRequestedFor(urlPathEqualTo(Outside.ADMIN + "/users/" + userId)).withRequestBody(equalToJson("""
				{"email":"dana.akhmetova@example.kz","emailVerified":true,"firstName":"Дана",
				 "attributes":{"account_number":["110000101182"],"user_type":["CLIENT"]}}""", true, true)));
		assertThat(event("EmailVerified")).contains("\"email\":\"dana.akhmetova@example.kz\"",
				"\"accountNumber\":\"110000101182\"");

		confirm(tokenIn(requested)).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("email-link-used"));
		SERVER.verify(1, putRequestedFor(urlPathEqualTo(Outside.ADMIN + "/users/" + userId)));
	}

	@Test
	void aLinkWorksForTwentyFourHoursAndNotAMomentLonger() throws Exception {
		change("late@example.kz").andExpect(status().isAccepted());
		String token = tokenIn(event("EmailVerificationRequested"));
		CLOCK.advance(Duration.ofHours(24));
		confirm(token).andExpect(status().isGone()).andExpect(jsonPath("$.code").value("email-link-expired"));

		change("in-time@example.kz").andExpect(status().isAccepted());
		String inTime = tokenIn(event("EmailVerificationRequested"));
		CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
		confirm(inTime).andExpect(status().isOk());
	}

	@Test
	void aTamperedLinkIsRefusedAndChangesNothing() throws Exception {
		change("dana@example.kz").andExpect(status().isAccepted());
		String token = tokenIn(event("EmailVerificationRequested"));
		String otherId = UUID.randomUUID() + token.substring(36);
		// a character inside the MAC: the last one of unpadded base64 carries unused bits, a change there may decode
		// to the same bytes
		int inside = token.length() - 10;
		String otherMac = token.substring(0, inside) + (token.charAt(inside) == 'A' ? 'B' : 'A')
				+ token.substring(inside + 1);

		for (String tampered : List.of(otherId, otherMac, token.substring(0, 36), "garbage")) {
			confirm(tampered).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("email-link-invalid"));
		}
		SERVER.verify(0, putRequestedFor(urlPathEqualTo(Outside.ADMIN + "/users/" + userId)));
		confirm(token).andExpect(status().isOk());
	}

	@Test
	void changingTheAddressAgainRetiresTheEarlierLink() throws Exception {
		change("first@example.kz").andExpect(status().isAccepted());
		String first = tokenIn(event("EmailVerificationRequested"));
		CLOCK.advance(Duration.ofSeconds(1));
		change("second@example.kz").andExpect(status().isAccepted());
		String second = tokenIn(event("EmailVerificationRequested"));

		confirm(first).andExpect(status().isGone()).andExpect(jsonPath("$.code").value("email-link-superseded"));
		confirm(second).andExpect(status().isOk()).andExpect(jsonPath("$.email").value("second@example.kz"));
	}

	@Test
	void anAddressAnotherAccountHasIsRefusedAndTheLinkStillWorksLater() throws Exception {
		change("taken@example.kz").andExpect(status().isAccepted());
		String token = tokenIn(event("EmailVerificationRequested"));
		SERVER.stubFor(WireMock.put(urlPathEqualTo(Outside.ADMIN + "/users/" + userId))
			.willReturn(aResponse().withStatus(409).withBody("{\"errorMessage\":\"User exists with same email\"}")));
		confirm(token).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("email-taken"));
		assertThat(jdbc.sql("select count(*) from email_verification where user_id = ? and confirmed_at is not null")
			.param(userId).query(Long.class).single()).isZero();
	}

	@Test
	void onlyASignedInClientWithAnAccountSetsAnEmail() throws Exception {
		mvc.perform(put("/api/identity/v1/me/email").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"x@example.kz\"}")).andExpect(status().isUnauthorized());
		mvc.perform(put("/api/identity/v1/me/email").with(jwt().jwt(token -> token.subject("officer"))
				.authorities(new SimpleGrantedAuthority("ROLE_akimat-officer")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"x@example.kz\"}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/identity/v1/me/email").with(citizen()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"not an address\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	private ResultActions change(String email) throws Exception {
		return mvc.perform(put("/api/identity/v1/me/email").with(citizen()).header("Accept-Language", "kk")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\"}"));
	}

	private ResultActions confirm(String token) throws Exception {
		return mvc.perform(post("/api/identity/v1/email-confirmations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + token + "\"}"));
	}

	private RequestPostProcessor citizen() {
		return jwt().jwt(token -> token.subject(userId).claim("account_number", "110000101182"))
			.authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}

	/** The user's latest event of this type, as stored with the change. */
	private String event(String type) {
		return jdbc.sql("""
				select serialized_event from event_publication where event_type like ? and serialized_event like ?
				order by publication_date desc limit 1""")
			.params("%." + type, "%" + userId + "%")
			.query(String.class)
			.single();
	}

	private static String tokenIn(String event) {
		Matcher token = TOKEN.matcher(event);
		assertThat(token.find()).as(event).isTrue();
		return token.group(1);
	}
}
