package kz.khc.identity.suite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;

/**
 * Accounts at Keycloak, the identity provider: the password lives only there (DOMAIN I2). A citizen's username is
 * their IIN; the account number, user type and the mobile the codes go to are attributes (the account number and
 * user type go into the tokens).
 */
@Component
public class KeycloakUsers {

	private final KeycloakAdminClient admin;

	KeycloakUsers(RestClient.Builder http, OAuth2ClientHttpRequestInterceptor withToken, Suite.Settings settings) {
		this.admin = Suite.client(http, settings.keycloakAdminUrl(), withToken, settings, KeycloakAdminClient.class);
	}

	/** A citizen's account as the flows here need it. */
	public record User(String id, String iin, @Nullable String accountNumber, @Nullable String userType,
			@Nullable String mobile, @Nullable String email) {
	}

	/** The citizen's names, as the company's records have them. */
	public record Names(@Nullable String firstName, @Nullable String lastName) {
	}

	/** There is an account with this username (or email) already. */
	public static final class AlreadyRegistered extends RuntimeException {

		AlreadyRegistered() {
			super(null, null, false, false);
		}
	}

	/**
	 * Creates the citizen's account with its password and the {@code citizen} role; returns the user id. The mobile
	 * is kept so that a forgotten password can be reset by a code sent to it.
	 */
	public String createCitizen(String iin, String accountNumber, String userType, String mobile, String password,
			Names names) {
		return call(() -> {
			var created = admin.createUser(new KeycloakAdminClient.NewUser(iin, true, names.firstName(),
					names.lastName(), Map.of("account_number", List.of(accountNumber), "user_type", List.of(userType),
							"mobile", List.of(mobile)),
					List.of(password(password))));
			var location = created.getHeaders().getLocation();
			if (location == null) {
				throw new SuiteUnavailable("keycloak", new IllegalStateException("no Location for the new user"));
			}
			String userId = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
			admin.grant(userId, List.of(admin.role("citizen")));
			return userId;
		});
	}

	/** The account whose username is this IIN, if there is one. */
	public Optional<User> findByIin(String iin) {
		return call(() -> admin.users(iin, true).stream().findFirst().map(KeycloakUsers::user));
	}

	/**
	 * Sets a new password and ends every session of the user, so that whoever knew the old one is signed out.
	 */
	public void resetPassword(String userId, String password) {
		call(() -> {
			admin.resetPassword(userId, password(password));
			admin.logout(userId);
			return null;
		});
	}

	/** Sets the user's email as confirmed (DOMAIN I4); {@link AlreadyRegistered} if another account has it. */
	public void confirmEmail(String userId, String email) {
		call(() -> {
			Map<String, Object> user = new HashMap<>(admin.user(userId));
			user.put("email", email);
			user.put("emailVerified", true);
			admin.updateUser(userId, user);
			return null;
		});
	}

	private static KeycloakAdminClient.Credential password(String password) {
		return new KeycloakAdminClient.Credential("password", password, false);
	}

	@SuppressWarnings("unchecked")
	private static User user(Map<String, Object> user) {
		var attributes = (Map<String, List<String>>) user.getOrDefault("attributes", Map.of());
		return new User((String) user.get("id"), (String) user.get("username"), first(attributes, "account_number"),
				first(attributes, "user_type"), first(attributes, "mobile"), (String) user.get("email"));
	}

	private static @Nullable String first(Map<String, List<String>> attributes, String name) {
		List<String> values = attributes.get(name);
		return values == null || values.isEmpty() ? null : values.getFirst();
	}

	private static <T> T call(Supplier<T> call) {
		try {
			return call.get();
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
