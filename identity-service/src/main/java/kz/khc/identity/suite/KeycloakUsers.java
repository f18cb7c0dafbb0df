package kz.khc.identity.suite;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Accounts at Keycloak, the identity provider: the password lives only there (DOMAIN I2). A citizen's username is
 * their IIN; the account number and user type are attributes (the account number goes into the tokens).
 */
@Component
public class KeycloakUsers {

	private final KeycloakAdminClient admin;

	KeycloakUsers(RestClient.Builder http, OAuth2ClientHttpRequestInterceptor withToken, Suite.Settings settings) {
		this.admin = Suite.client(http, settings.keycloakAdminUrl(), withToken, settings, KeycloakAdminClient.class);
	}

	/** There is an account with this username already. */
	public static final class AlreadyRegistered extends RuntimeException {

		AlreadyRegistered() {
			super(null, null, false, false);
		}
	}

	/** Creates the citizen's account with its password and the {@code citizen} role; returns the user id. */
	public String createCitizen(String iin, String accountNumber, String userType, String password,
			@Nullable String firstName, @Nullable String lastName) {
		try {
			var created = admin.createUser(new KeycloakAdminClient.NewUser(iin, true, firstName, lastName,
					Map.of("account_number", List.of(accountNumber), "user_type", List.of(userType)),
					List.of(new KeycloakAdminClient.Credential("password", password, false))));
			var location = created.getHeaders().getLocation();
			if (location == null) {
				throw new SuiteUnavailable("keycloak", new IllegalStateException("no Location for the new user"));
			}
			String userId = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
			admin.grant(userId, List.of(admin.role("citizen")));
			return userId;
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
				throw new AlreadyRegistered();
			}
			throw new SuiteUnavailable("keycloak", ex);
		}
		catch (RestClientException ex) {
			throw new SuiteUnavailable("keycloak", ex);
		}
	}
}
