package kz.khc.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import reactor.core.publisher.Mono;

/**
 * The gateway in front of stand-in services (WireMock, which also serves the identity provider's keys): real token
 * validation, routing with the token relayed, and edge errors as problem details.
 */
// the anonymous burst as configured, refilled slowly enough that a sequential test client empties it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gateway.rate-limit.anonymous.per-second=0.5")
@AutoConfigureWebTestClient
class GatewayIT {

	static final String ISSUER = "http://localhost:1/realms/elorda";

	static final WireMockServer services = new WireMockServer(options().dynamicPort());

	static final String PUBLIC_LIST = "/api/scoring/v1/programmes/elorda-zhastary/editions/2023/lists/HEALTHCARE";

	static final RSAKey key = generateKey();

	static {
		services.start();
	}

	@Autowired
	WebTestClient http;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@DynamicPropertySource
	static void wire(DynamicPropertyRegistry registry) {
		String base = "http://127.0.0.1:" + services.port();
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> base + "/certs");
		for (String service : List.of("cabinet", "elorda", "scoring", "notification")) {
			registry.add("services." + service + "-url", () -> base);
		}
		registry.add("services.identity-url", () -> "http://127.0.0.1:1"); // nobody listens there
	}

	@BeforeEach
	void stubs() {
		services.resetAll();
		services.stubFor(get("/certs").willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
		services.stubFor(get("/api/elorda/v1/applications").willReturn(okJson("{\"items\":[]}")));
		services.stubFor(get("/api/scoring/v1/statistics/submitted-applications").willReturn(okJson("{\"total\":0}")));
		services.stubFor(get(urlEqualTo("/api/cabinet/v1/faq?q=%D0%BF%D0%B5%D0%BD%D0%B8")).willReturn(okJson("{\"total\":1}")));
		services.stubFor(get(urlPathEqualTo("/api/cabinet/v1/faq")).atPriority(10).willReturn(okJson("{\"total\":0}")));
		services.stubFor(post("/api/notifications/v1/provider-receipts/sms").willReturn(aResponse().withStatus(204)));
		services.stubFor(get("/api/notifications/v1/my/messages").willReturn(okJson("{\"items\":[]}")));
		services.stubFor(get(urlPathEqualTo(PUBLIC_LIST)).willReturn(okJson("{\"items\":[],\"total\":0}")));
	}

	@AfterAll
	static void stop() {
		services.stop();
	}

	@Test
	void validTokenIsRoutedAndRelayed() throws Exception {
		String token = token(ISSUER, Instant.now().plusSeconds(300));

		http.get().uri("/api/elorda/v1/applications").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items").isArray();

		services.verify(getRequestedFor(urlEqualTo("/api/elorda/v1/applications"))
			.withHeader("Authorization", equalTo("Bearer " + token)));
	}

	@Test
	void theServicesLearnTheClientsAddressFromATrustedProxysForwardedFor() {
		// the test client connects from loopback, a trusted proxy: the address it forwards is kept, its own appended
		http.get().uri("/api/scoring/v1/statistics/submitted-applications").header("X-Forwarded-For", "198.51.100.7")
			.exchange()
			.expectStatus().isOk();
		services.verify(getRequestedFor(urlEqualTo("/api/scoring/v1/statistics/submitted-applications"))
			.withHeader("X-Forwarded-For", equalTo("198.51.100.7, 127.0.0.1")));
		http.get().uri("/api/scoring/v1/statistics/submitted-applications").exchange().expectStatus().isOk();
		services.verify(getRequestedFor(urlEqualTo("/api/scoring/v1/statistics/submitted-applications"))
			.withHeader("X-Forwarded-For", equalTo("127.0.0.1")));
	}

	@Test
	void missingTamperedExpiredForeignOrMisaddressedTokensAreRejectedAtTheEdge() throws Exception {
		String valid = token(ISSUER, Instant.now().plusSeconds(300));
		String tampered = valid.substring(0, valid.length() - 4)
				+ (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
		List<String> rejected = List.of(tampered, token(ISSUER, Instant.now().minusSeconds(120)),
				token("http://elsewhere/realms/elorda", Instant.now().plusSeconds(300)),
				token(ISSUER, Instant.now().plusSeconds(300), "account"));

		unauthorized(http.get().uri("/api/elorda/v1/applications").exchange());
		for (String token : rejected) {
			unauthorized(http.get().uri("/api/elorda/v1/applications").headers(h -> h.setBearerAuth(token)).exchange());
		}
		services.verify(0, getRequestedFor(urlEqualTo("/api/elorda/v1/applications")));
	}

	@Test
	void publicStatisticsAndFaqNeedNoToken() {
		http.get().uri("/api/scoring/v1/statistics/submitted-applications").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		http.get().uri("/api/cabinet/v1/faq?q={q}", "пени").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(1);
		http.get().uri(PUBLIC_LIST).exchange().expectStatus().isOk();
		unauthorized(http.get().uri(PUBLIC_LIST + "/entries").exchange());
		unauthorized(http.get().uri(PUBLIC_LIST + "/export.csv").exchange());
	}

	@Test
	void theLoanCalculatorNeedsNoTokenAndStaysCacheableButTheRestOfElordaDoes() {
		services.stubFor(get(urlPathEqualTo("/api/elorda/v1/loan-calculator")).willReturn(okJson("{\"amount\":18000000}")
			.withHeader("Cache-Control", "max-age=300, public")));

		http.get().uri("/api/elorda/v1/loan-calculator?amount=18000000").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Cache-Control", "max-age=300, public")
			.expectBody().jsonPath("$.amount").isEqualTo(18000000);
		services.verify(getRequestedFor(urlEqualTo("/api/elorda/v1/loan-calculator?amount=18000000"))
			.withHeader("Authorization", absent()));
		unauthorized(http.post().uri("/api/elorda/v1/loan-calculator?amount=18000000").exchange());
		unauthorized(http.get().uri("/api/elorda/v1/loan-calculator/18000000").exchange());
		unauthorized(http.get().uri("/api/elorda/v1/applications").exchange());
	}

	@Test
	void theEligibilityPreCheckNeedsNoTokenButTheRestOfScoringDoes() {
		services.stubFor(post("/api/scoring/v1/programmes/elorda-zhastary/assessments")
			.willReturn(okJson("{\"eligible\":true}")));

		http.post().uri("/api/scoring/v1/programmes/elorda-zhastary/assessments")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.eligible").isEqualTo(true);
		services.verify(postRequestedFor(urlEqualTo("/api/scoring/v1/programmes/elorda-zhastary/assessments"))
			.withHeader("Authorization", absent()));
		unauthorized(http.get().uri("/api/scoring/v1/programmes/elorda-zhastary/assessments").exchange());
		unauthorized(http.post().uri("/api/scoring/v1/programmes/elorda-zhastary/assessments/x").exchange());
		unauthorized(http.post().uri("/api/scoring/v1/directions").exchange());
	}

	@Test
	void theSmsProvidersReceiptsReachTheNotificationServiceWithoutAToken() {
		String receipt = "{\"messageId\":\"5f0c3a1e-2b7d-4c55-9d1e-4f3a8c2b6d10\",\"status\":\"DELIVRD\"}";

		http.post().uri("/api/notifications/v1/provider-receipts/sms")
			.header("X-Receipt-Token", "the-providers-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(receipt)
			.exchange()
			.expectStatus().isNoContent();

		services.verify(postRequestedFor(urlEqualTo("/api/notifications/v1/provider-receipts/sms"))
			.withHeader("X-Receipt-Token", equalTo("the-providers-secret"))
			.withHeader("Authorization", absent())
			.withRequestBody(equalToJson(receipt)));
	}

	@Test
	void onlyTheReceiptsArePublicInTheNotificationService() {
		unauthorized(http.get().uri("/api/notifications/v1/my/messages").exchange());
		unauthorized(http.get().uri("/api/notifications/v1/provider-receipts/sms").exchange());
		unauthorized(http.post().uri("/api/notifications/v1/deliveries").exchange());
		services.verify(0, getRequestedFor(urlEqualTo("/api/notifications/v1/my/messages")));
	}

	@Test
	void signingUpInAndThePasswordAndEmailLinksNeedNoTokenButTheRestOfIdentityDoes() {
		// identity-service is down in this test: a public path gets through security and finds it down
		for (String open : List.of("/api/identity/v1/registrations",
				"/api/identity/v1/registrations/5f0c3a1e-2b7d-4c55-9d1e-4f3a8c2b6d10/code", "/api/identity/v1/sessions",
				"/api/identity/v1/sessions/refresh", "/api/identity/v1/sessions/logout",
				"/api/identity/v1/password-resets",
				"/api/identity/v1/password-resets/5f0c3a1e-2b7d-4c55-9d1e-4f3a8c2b6d10/password",
				"/api/identity/v1/email-confirmations")) {
			http.post().uri(open).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
				.exchange().expectStatus().isEqualTo(503);
		}
		unauthorized(http.get().uri("/api/identity/v1/me").exchange());
		unauthorized(http.put().uri("/api/identity/v1/me/email").exchange());
		unauthorized(http.get().uri("/api/identity/v1/registrations").exchange());
		unauthorized(http.get().uri("/api/identity/v1/sessions").exchange());
	}

	@Test
	void theEmailLinksScreenOpensWithoutATokenIsNotKeptAndDoesNotPassTheTokenOn() {
		// the portal's page: its screen has the button that posts the token (opening the link confirms nothing)
		http.get().uri("/cabinet/email-confirmation?token=abc").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader().cacheControl(CacheControl.noStore())
			.expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'"))
			.expectBody(String.class).value(page -> assertThat(page)
				.contains("<script type=\"module\" src=\"/app/main.js\">").doesNotContain("<script>"));
	}

	@Test
	void changingTheFaqNeedsAToken() {
		http.post().uri("/api/cabinet/v1/faq").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void noRouteIsALocalizedNotFoundProblem() throws Exception {
		String token = token(ISSUER, Instant.now().plusSeconds(300));

		http.get().uri("/api/nowhere").headers(h -> h.setBearerAuth(token)).header("Accept-Language", "kk")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("not-found")
			.jsonPath("$.title").isEqualTo("Табылмады");
		// the API's addresses are no screens, even opened in a browser (kz.khc.gateway.portal.PageRequests)
		http.get().uri("/api/nowhere").headers(h -> h.setBearerAuth(token)).header("Accept", "text/html,*/*;q=0.8")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("not-found");
	}

	@Test
	void serviceDownIsAServiceUnavailableProblem() throws Exception {
		String token = token(ISSUER, Instant.now().plusSeconds(300));

		http.get().uri("/api/identity/v1/me").headers(h -> h.setBearerAuth(token))
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("service-unavailable")
			.jsonPath("$.title").isEqualTo("Service unavailable")
			.jsonPath("$.trace").doesNotExist();
	}

	@Test
	void aBurstOverTheLimitIsA429WithRetryAfterForThatClientOnly() throws Exception {
		// anonymous: per client address as a trusted proxy forwards it; 60 at once (application.yml), then slowly
		String flooding = "198.51.100.66";
		List<Integer> statuses = new java.util.ArrayList<>();
		for (int i = 0; i < 100; i++) {
			statuses.add(http.get().uri("/api/scoring/v1/statistics/submitted-applications")
				.header("X-Forwarded-For", flooding).exchange().returnResult(String.class).getStatus().value());
		}
		assertThat(statuses.subList(0, 60)).as("the burst").containsOnly(200);
		assertThat(statuses).contains(429);

		http.get().uri("/api/scoring/v1/statistics/submitted-applications").header("X-Forwarded-For", flooding)
			.header("Accept-Language", "en").exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("too-many-requests")
			.jsonPath("$.title").isEqualTo("Too many requests")
			.jsonPath("$.status").isEqualTo(429);
		// a client cannot pose as another by prepending addresses: the one the trusted proxy saw counts
		http.get().uri("/api/scoring/v1/statistics/submitted-applications")
			.header("X-Forwarded-For", "203.0.113.1, " + flooding).exchange().expectStatus().isEqualTo(429);

		// everyone else goes on: another address, and a signed-in person (counted by the token's subject)
		http.get().uri("/api/scoring/v1/statistics/submitted-applications").header("X-Forwarded-For", "198.51.100.67")
			.exchange().expectStatus().isOk();
		String token = token(ISSUER, Instant.now().plusSeconds(300));
		http.get().uri("/api/elorda/v1/applications").header("X-Forwarded-For", flooding)
			.headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		// what was refused never reached the service
		assertThat(services.findAll(getRequestedFor(urlEqualTo("/api/scoring/v1/statistics/submitted-applications"))
			.withHeader("X-Forwarded-For", equalTo(flooding + ", 127.0.0.1"))))
			.hasSize((int) statuses.stream().filter(status -> status == 200).count());
	}

	@Test
	void whatTheFirewallRefusesAndAnOverlongAddressAreProblemsToo() {
		for (String refused : List.of("/api/cabinet/v1/faq/%25", "/api/cabinet/v1/faq/..%2F..%2Fetc%2Fpasswd",
				"/api/cabinet/v1/faq/%00")) {
			http.get().uri(java.net.URI.create("http://localhost:" + port + refused)).header("Accept-Language", "en").exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code").isEqualTo("bad-request")
				.jsonPath("$.status").isEqualTo(400);
		}
		// up to 6 KB of path and query go on; longer is a 414 problem here, also far beyond Netty's default 4 KB line
		http.get().uri("/api/cabinet/v1/faq?q=" + "a".repeat(6144 - 22)).exchange().expectStatus().isOk();
		for (int length : List.of(6144 - 21, 20_000, 60_000)) {
			http.get().uri("/api/cabinet/v1/faq?q=" + "a".repeat(length)).header("Accept-Language", "en").exchange()
				.expectStatus().isEqualTo(414)
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code").isEqualTo("uri-too-long")
				.jsonPath("$.title").isEqualTo("Address too long");
		}
	}

	@Test
	void aContentTypeNoBodyCanHaveIsA415ProblemAndNeverReachesAService() throws Exception {
		// sent as any client may: WebTestClient itself refuses to write such a header
		var client = java.net.http.HttpClient.newHttpClient();
		for (String contentType : List.of("*/*", "application/*", "json", "/", "application/json;;=")) {
			var answer = client.send(java.net.http.HttpRequest.newBuilder(
					java.net.URI.create("http://localhost:" + port + "/api/notifications/v1/provider-receipts/sms"))
				.header("Content-Type", contentType)
				.header("Accept-Language", "en")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(contentType).isEqualTo(415);
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.body()).contains("\"code\":\"unsupported-media-type\"", "\"status\":415");
		}
		services.verify(0, postRequestedFor(urlEqualTo("/api/notifications/v1/provider-receipts/sms")));
		http.post().uri("/api/notifications/v1/provider-receipts/sms").header("Content-Type", "application/json; charset=UTF-8")
			.bodyValue("{}").exchange().expectStatus().isNoContent();
	}

	@Test
	void aBodyOverTheLimitIsA413ProblemBeforeItIsSent() throws Exception {
		var client = java.net.http.HttpClient.newHttpClient();
		var answer = client.send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create("http://localhost:" + port + "/api/notifications/v1/provider-receipts/sms"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.expectContinue(true)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[12 * 1024 * 1024 + 1]))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"code\":\"content-too-large\"", "\"title\":\"Request too large\"");
		services.verify(0, postRequestedFor(urlEqualTo("/api/notifications/v1/provider-receipts/sms")));
	}

	@Test
	void noRequestAsksForAWebSessionTheGatewayIsStateless() throws Exception {
		String token = token(ISSUER, Instant.now().plusSeconds(300));
		int before = SessionsAsked.count.get();

		http.get().uri("/api/elorda/v1/applications").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk();
		http.get().uri("/api/scoring/v1/statistics/submitted-applications").exchange().expectStatus().isOk();
		unauthorized(http.get().uri("/api/elorda/v1/applications").exchange());

		// each ask would make one on two other threads (the in-memory store), and the request would go on there
		assertThat(SessionsAsked.count.get()).isEqualTo(before);
	}

	@Test
	void healthAndSwaggerUiArePublic() {
		http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	/** Boot's web session manager, counting the requests that ask it for a session. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SessionsAsked {

		static final AtomicInteger count = new AtomicInteger();

		@Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
		WebSessionManager webSessionManager() {
			var sessions = new DefaultWebSessionManager();
			return exchange -> Mono.defer(() -> {
				count.incrementAndGet();
				return sessions.getSession(exchange);
			});
		}
	}

	private static void unauthorized(WebTestClient.ResponseSpec response) {
		response.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("unauthorized")
			.jsonPath("$.title").isEqualTo("Требуется вход");
	}

	private static String token(String issuer, Instant expiry) throws Exception {
		return token(issuer, expiry, "elorda-api");
	}

	private static String token(String issuer, Instant expiry, String audience) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject("user-1")
			.claim("roles", List.of("akimat-officer"))
			.issueTime(Date.from(expiry.minusSeconds(600)))
			.expirationTime(Date.from(expiry))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("test-key").generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
