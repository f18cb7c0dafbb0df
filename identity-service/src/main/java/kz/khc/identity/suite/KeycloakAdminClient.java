package kz.khc.identity.suite;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** Keycloak's admin REST API of the realm ({@code …/admin/realms/elorda}), as this service's service account. */
interface KeycloakAdminClient {

	@PostExchange("/users")
	ResponseEntity<Void> createUser(@RequestBody NewUser user);

	@GetExchange("/users")
	List<Map<String, Object>> users(@RequestParam String username, @RequestParam boolean exact);

	@GetExchange("/users/{userId}")
	Map<String, Object> user(@PathVariable String userId);

	@PutExchange("/users/{userId}")
	void updateUser(@PathVariable String userId, @RequestBody Map<String, Object> user);

	@PutExchange("/users/{userId}/reset-password")
	void resetPassword(@PathVariable String userId, @RequestBody Credential password);

	/** Ends every session of the user: their refresh tokens stop working. */
	@PostExchange("/users/{userId}/logout")
	void logout(@PathVariable String userId);

	@GetExchange("/roles/{role}")
	Map<String, Object> role(@PathVariable String role);

	@PostExchange("/users/{userId}/role-mappings/realm")
	void grant(@PathVariable String userId, @RequestBody List<Map<String, Object>> roles);

	record NewUser(String username, boolean enabled, @Nullable String firstName, @Nullable String lastName,
			Map<String, List<String>> attributes, List<Credential> credentials) {

		@Override
		public String toString() {
			return "NewUser[username=" + username + "]"; // never the password
		}
	}

	record Credential(String type, String value, boolean temporary) {

		@Override
		public String toString() {
			return "Credential[type=" + type + "]";
		}
	}
}
