package kz.khc.identity.login;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import kz.khc.identity.suite.Suite;
import kz.khc.identity.suite.SuiteUnavailable;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's token and logout endpoints, as the confidential client {@code identity.login.client-id}: the only client
 * of the realm allowed to check a citizen's password, so every check goes through {@link LoginFailures}. Keycloak
 * rotates the refresh token at each refresh and refuses a used one.
 */
@Component
class KeycloakTokens {

	private final RestClient keycloak;
	private final String tokenUri;
	private final String logoutUri;
	private final LoginSettings settings;

	KeycloakTokens(RestClient.Builder http, LoginSettings settings,
			@Value("${spring.security.oauth2.client.provider.keycloak.token-uri}") String tokenUri,
			Suite.Settings timeouts) {
		var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeouts.connectTimeout())
			.build());
		requests.setReadTimeout(timeouts.readTimeout());
		this.keycloak = http.clone().requestFactory(requests).build();
		this.tokenUri = tokenUri;
		this.logoutUri = tokenUri.substring(0, tokenUri.lastIndexOf('/')) + "/logout";
		this.settings = settings;
	}

	/** Keycloak's answer: a short-lived access token and the refresh token that replaces the last one. */
	record Tokens(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {

		@Override
		public String toString() {
			return "Tokens[expiresIn=" + expiresIn + "]"; // never the tokens
		}
	}

	/** The password grant; empty when Keycloak refuses the username and password. */
	Optional<Tokens> password(String username, String password) {
		var form = form("password");
		form.add("username", username);
		form.add("password", password);
		form.add("scope", "openid");
		return tokens(form);
	}

	/** A new pair for a refresh token; empty when it expired, was used already or its session ended. */
	Optional<Tokens> refresh(String refreshToken) {
		var form = form("refresh_token");
		form.add("refresh_token", refreshToken);
		return tokens(form);
	}

	/** Ends the session of the refresh token at Keycloak; false if it was no longer valid (no error). */
	boolean logout(String refreshToken) {
		var form = form(null);
		form.add("refresh_token", refreshToken);
		try {
			keycloak.post()
				.uri(logoutUri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.toBodilessEntity();
			return true;
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
				return false;
			}
			throw new SuiteUnavailable("keycloak", ex);
		}
		catch (RestClientException ex) {
			throw new SuiteUnavailable("keycloak", ex);
		}
	}

	/** The {@code sub} of a token Keycloak has just accepted (its payload read, its signature not checked here). */
	static String subjectOf(String token) {
		String[] parts = token.split("\\.");
		String payload = parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				: "{}";
		return JsonMapper.shared().readTree(payload).path("sub").asString("unknown");
	}

	@SuppressWarnings("unchecked")
	private Optional<Tokens> tokens(MultiValueMap<String, String> form) {
		try {
			Map<String, Object> answer = keycloak.post()
				.uri(tokenUri)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(Map.class);
			if (answer == null || answer.get("access_token") == null || answer.get("refresh_token") == null) {
				throw new SuiteUnavailable("keycloak", new IllegalStateException("no tokens in the answer"));
			}
			return Optional.of(new Tokens((String) answer.get("access_token"), (String) answer.get("refresh_token"),
					((Number) answer.getOrDefault("expires_in", 0)).longValue(),
					((Number) answer.getOrDefault("refresh_expires_in", 0)).longValue()));
		}
		catch (HttpClientErrorException ex) {
			// 401 or 400 invalid_grant: wrong credentials, a disabled account, a used or expired refresh token
			if (ex.getResponseBodyAsString().contains("invalid_grant")) {
				return Optional.empty();
			}
			throw new SuiteUnavailable("keycloak", ex);
		}
		catch (RestClientException ex) {
			throw new SuiteUnavailable("keycloak", ex);
		}
	}

	private MultiValueMap<String, String> form(@Nullable String grantType) {
		var form = new LinkedMultiValueMap<String, String>();
		if (grantType != null) {
			form.add("grant_type", grantType);
		}
		form.add("client_id", settings.clientId());
		form.add("client_secret", settings.clientSecret());
		return form;
	}
}
