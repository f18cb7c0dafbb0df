package kz.khc.identity.suite;

import java.time.LocalDate;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;

import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls to the other services with this service's own token: one token request to Keycloak's token endpoint (the
 * client-credentials grant), then the cabinet's check and the notification service's code endpoint with it; a
 * failing or slow service is a {@link SuiteUnavailable}, not an error page. WireMock stands in for all three.
 */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class SuiteIT {

	static final WireMockServer SERVICES = new WireMockServer(options().dynamicPort());

	static {
		SERVICES.start();
	}

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.provider.keycloak.token-uri",
				() -> SERVICES.baseUrl() + "/realms/elorda/protocol/openid-connect/token");
		registry.add("services.cabinet-url", SERVICES::baseUrl);
		registry.add("services.notification-url", SERVICES::baseUrl);
		registry.add("services.read-timeout", () -> "500ms");
	}

	@AfterAll
	static void stop() {
		SERVICES.stop();
	}

	@Autowired
	Suite suite;

	@BeforeEach
	void stubs() {
		SERVICES.resetAll();
		SERVICES.stubFor(post(urlPathEqualTo("/realms/elorda/protocol/openid-connect/token"))
			.withRequestBody(containing("grant_type=client_credentials"))
			.willReturn(okJson("{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
	}

	@Test
	void asksTheCabinetWithItsOwnTokenAndGetsTheAnswer() {
		SERVICES.stubFor(post(urlPathEqualTo("/internal/cabinet/v1/primary-authorization/checks"))
			.withHeader("Authorization", equalTo("Bearer service-token"))
			.withRequestBody(equalToJson("""
					{"accountNumber":"110000101182","iin":"651106450323","contractNumber":"KZHK-1",
					 "contractDate":"2019-04-12","mobile":"+77011234567"}"""))
			.willReturn(okJson("""
					{"matches":true,"clientId":"3f0c4a8e-6a7e-4f0e-9a51-3d6b0b2f1a10","surname":"Ахметова","firstName":"Дана"}""")));

		SERVICES.stubFor(post(urlPathEqualTo("/internal/cabinet/v1/primary-authorization/checks"))
			.withRequestBody(containing("KZHK-2"))
			.willReturn(okJson("{\"matches\":false,\"clientId\":null}")));

		assertThat(suite.contractHolder("110000101182", "651106450323", "KZHK-1", LocalDate.of(2019, 4, 12),
				"+77011234567")).contains(new KeycloakUsers.Names("Дана", "Ахметова"));
		assertThat(suite.contractHolder("110000101182", "651106450323", "KZHK-2", LocalDate.of(2019, 4, 12),
				"+77011234567")).isEmpty();
	}

	@Test
	void sendsACodeAndReportsAServiceThatCannotAsUnavailable() {
		SERVICES.stubFor(post(urlPathEqualTo("/internal/notifications/v1/one-time-codes"))
			.withHeader("Authorization", equalTo("Bearer service-token"))
			.willReturn(aResponse().withStatus(202)));
		suite.sendCode("+77011234567", "482913", "REGISTRATION", Locale.of("kk"), null);
		SERVICES.verify(postRequestedFor(urlPathEqualTo("/internal/notifications/v1/one-time-codes"))
			.withRequestBody(equalToJson("""
					{"mobile":"+77011234567","code":"482913","purpose":"REGISTRATION","language":"kk","personId":null}""")));

		SERVICES.stubFor(post(urlPathEqualTo("/internal/notifications/v1/one-time-codes"))
			.willReturn(aResponse().withStatus(503)));
		assertThatThrownBy(() -> suite.sendCode("+77011234567", "482913", "REGISTRATION", Locale.of("ru"), null))
			.isInstanceOf(SuiteUnavailable.class)
			.hasMessageNotContaining("482913");

		SERVICES.stubFor(post(urlPathEqualTo("/internal/cabinet/v1/primary-authorization/checks"))
			.willReturn(okJson("{\"matches\":true}").withFixedDelay(2000)));
		assertThatThrownBy(() -> suite.contractHolder("110000101182", "651106450323", "KZHK-1",
				LocalDate.of(2019, 4, 12), "+77011234567")).as("slower than the read timeout")
			.isInstanceOf(SuiteUnavailable.class);
	}

	@Test
	void theTokenIsAskedForOnceAndReused() {
		SERVICES.stubFor(post(urlPathEqualTo("/internal/notifications/v1/one-time-codes"))
			.willReturn(aResponse().withStatus(202)));
		for (int i = 0; i < 3; i++) {
			suite.sendCode("+77011234567", "482913", "LOGIN", Locale.of("en"), null);
		}
		assertThat(SERVICES.findAll(postRequestedFor(urlPathEqualTo("/realms/elorda/protocol/openid-connect/token"))))
			.hasSizeLessThanOrEqualTo(1);
	}
}
