package kz.khc.gateway.portal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen's address answers the portal's page with its security headers; its data still needs a token. A browser
 * opening an address that is no screen gets the page with 404 (its router shows the not-found screen), API clients
 * problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"portal.keycloak-url=https://id.example.kz", "portal.signer-url=wss://127.0.0.1:13579" })
@AutoConfigureWebTestClient
class PortalPagesIT {

	/** What Chromium sends when it opens an address. */
	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
			+ "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

	@Autowired
	WebTestClient http;

	@Test
	void everyScreensAddressAnswersThePageWithAStrictContentSecurityPolicy() {
		for (String screen : new String[] { "/", "/cabinet/login", "/elorda/apply", "/staff/lists?category=POLICE",
				"/bank/directions/42" }) {
			http.get().uri(screen).exchange()
				.expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader().valueEquals("Cache-Control", "no-cache")
				.expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
					.contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'",
							"connect-src 'self' wss://127.0.0.1:13579;")
					.doesNotContain("unsafe"))
				.expectBody(String.class).value(page -> assertThat(page)
					.contains("<script type=\"module\" src=\"/app/main.js\"></script>", "<main id=\"main\""));
		}
	}

	@Test
	void thePagesModulesAndTextsNeedNoTokenButTheApiDoes() {
		http.get().uri("/app/main.js").exchange().expectStatus().isOk();
		http.get().uri("/i18n/kk.json").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$['nav.home']").isEqualTo("Басты бет");
		http.get().uri("/webjars/lit-html/lit-html.js").exchange().expectStatus().isOk();
		http.get().uri("/app/config.json").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.keycloakUrl").isEqualTo("https://id.example.kz")
			.jsonPath("$.clientId").isEqualTo("elorda-web")
			.jsonPath("$.signerUrl").isEqualTo("wss://127.0.0.1:13579");

		http.get().uri("/api/cabinet/v1/profile").exchange().expectStatus().isUnauthorized();
		http.post().uri("/cabinet/login").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aBrowserOpeningAnUnknownAddressGetsThePageWithNotFoundAndThePagesHeaders() {
		for (String address : new String[] { "/nonsense", "/cabinet-x", "/cabinet-x/contracts?page=2", "/index.html",
				"/elorda.php" }) {
			http.get().uri(address).header("Accept", BROWSER).header("Accept-Language", "kk").exchange()
				.expectStatus().isNotFound()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader().valueEquals("Cache-Control", "no-cache")
				.expectHeader().valueEquals("Referrer-Policy", "same-origin")
				.expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
					.contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe"))
				.expectBody(String.class).value(page -> assertThat(page)
					.contains("<script type=\"module\" src=\"/app/main.js\"></script>"));
		}
		http.head().uri("/nonsense").header("Accept", "text/html").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody().isEmpty();
	}

	@Test
	void apiClientsAndTheApisOwnAddressesKeepProblemDetails() {
		// an API client at an unknown address: it needs a token first, as before
		for (String accept : new String[] { "application/json", "*/*", "application/problem+json, text/html;q=0.9",
				"text/html;q=0.5, */*" }) {
			problem(http.get().uri("/nonsense").header("Accept", accept).exchange(), 401, "unauthorized");
		}
		problem(http.get().uri("/nonsense").exchange(), 401, "unauthorized");
		problem(http.method(HttpMethod.DELETE).uri("/nonsense").header("Accept", BROWSER).exchange(), 401,
				"unauthorized");
		problem(http.post().uri("/cabinet-x").header("Accept", BROWSER).exchange(), 401, "unauthorized");
		// the API's, the operations' and the documentation's addresses, even opened in a browser
		for (String address : new String[] { "/api/nowhere", "/api/cabinet/v1/profile", "/actuator/env",
				"/v3/nowhere" }) {
			problem(http.get().uri(address).header("Accept", BROWSER).exchange(), 401, "unauthorized");
		}
		// a file of the page's that is not there
		for (String address : new String[] { "/app/pages/nowhere.js", "/css/nowhere.css", "/i18n/xx.json",
				"/webjars/nowhere.js" }) {
			problem(http.get().uri(address).header("Accept", BROWSER).exchange(), 404, "not-found");
		}
	}

	private static void problem(WebTestClient.ResponseSpec response, int status, String code) {
		response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.code").isEqualTo(code);
	}
}
