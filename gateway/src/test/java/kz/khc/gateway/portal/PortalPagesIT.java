package kz.khc.gateway.portal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every screen's address answers the portal's page with its security headers; its data still needs a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"portal.keycloak-url=https://id.example.kz", "portal.signer-url=wss://127.0.0.1:13579" })
@AutoConfigureWebTestClient
class PortalPagesIT {

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
}
