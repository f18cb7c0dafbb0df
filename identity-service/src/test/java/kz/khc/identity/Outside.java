package kz.khc.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import kz.khc.contracts.Iin;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Everything outside identity-service, simulated over HTTP for the integration tests: Keycloak (token endpoint,
 * keys, admin API), the cabinet, the notification service and the captcha provider, on one WireMock server. Tokens
 * are signed with a key of the test's own, published as Keycloak publishes its keys.
 */
public final class Outside {

	public static final String ISSUER = "http://localhost:8180/realms/elorda";
	public static final String TOKEN_PATH = "/realms/elorda/protocol/openid-connect/token";
	public static final String LOGOUT_PATH = "/realms/elorda/protocol/openid-connect/logout";
	public static final String ADMIN = "/admin/realms/elorda";

	public static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

	private static final RSAKey KEY;

	private static final Set<String> USED = ConcurrentHashMap.newKeySet();

	static {
		SERVER.start();
		try {
			KEY = new RSAKeyGenerator(2048).keyID("test-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Outside() {
	}

	public static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.provider.keycloak.token-uri", () -> SERVER.baseUrl() + TOKEN_PATH);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> SERVER.baseUrl() + "/realms/elorda/protocol/openid-connect/certs");
		registry.add("services.cabinet-url", SERVER::baseUrl);
		registry.add("services.notification-url", SERVER::baseUrl);
		registry.add("services.keycloak-admin-url", () -> SERVER.baseUrl() + ADMIN);
		registry.add("identity.captcha.verify-url", () -> SERVER.baseUrl() + "/recaptcha/api");
	}

	/** Keycloak's keys, this service's own token, and a captcha that passes. */
	public static void reset() {
		SERVER.resetAll();
		SERVER.stubFor(get(urlPathEqualTo("/realms/elorda/protocol/openid-connect/certs"))
			.willReturn(okJson(new JWKSet(KEY.toPublicJWK()).toString())));
		SERVER.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=client_credentials"))
			.willReturn(okJson("{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
		SERVER.stubFor(post(urlPathEqualTo("/recaptcha/api/siteverify")).willReturn(okJson("{\"success\":true}")));
	}

	/** Keycloak's answer to a login: an access token for the citizen, and a refresh token naming them. */
	public static String tokens(String subject, String accountNumber, String userType) {
		return """
				{"access_token":"%s","expires_in":300,"refresh_expires_in":1800,"refresh_token":"%s",\
				"token_type":"Bearer","scope":"openid"}""".formatted(accessToken(subject, accountNumber, userType),
				refreshToken(subject));
	}

	public static String accessToken(String subject, String accountNumber, String userType) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience("elorda-api")
			.subject(subject)
			.claim("roles", List.of("citizen"))
			.claim("account_number", accountNumber)
			.claim("user_type", userType)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(KEY));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** A valid IIN nobody else in the shared test database has (born in January 1990, a random serial). */
	public static String newIin() {
		for (;;) {
			var random = ThreadLocalRandom.current();
			String eleven = "9001%02d3%04d".formatted(1 + random.nextInt(28), random.nextInt(10_000));
			for (int check = 0; check <= 9; check++) {
				if (Iin.isValid(eleven + check) && USED.add(eleven + check)) {
					return eleven + check;
				}
			}
		}
	}

	/** Shaped like Keycloak's (a JWT naming the subject); only Keycloak reads its signature. */
	public static String refreshToken(String subject) {
		return "eyJhbGciOiJIUzUxMiJ9." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("{\"sub\":\"" + subject + "\",\"typ\":\"Refresh\"}").getBytes(StandardCharsets.UTF_8))
				+ ".c2lnbmF0dXJl";
	}
}
