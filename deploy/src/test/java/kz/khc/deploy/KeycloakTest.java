package kz.khc.deploy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakTest {

	private static final Path REALM = Path.of("keycloak/realm-elorda.json");

	/** The portal's staff login exchanges its code from the gateway's origin, port and all (CORS). */
	@Test
	void theWebClientAllowsTheGatewaysOriginOnItsPort() throws Exception {
		JsonNode realm = JsonMapper.builder().build().readTree(Keycloak.realmFor(REALM, 40735));

		JsonNode web = realm.path("clients").valueStream()
			.filter(client -> client.path("clientId").asString().equals(Keycloak.WEB_CLIENT))
			.findFirst()
			.orElseThrow();
		assertThat(web.path("webOrigins").valueStream().map(JsonNode::asString))
			.containsExactly("+", "http://localhost:40735", "http://127.0.0.1:40735");
		assertThat(realm.path("clients").size()).as("the other clients untouched")
			.isEqualTo(JsonMapper.builder().build().readTree(REALM.toFile()).path("clients").size());
	}
}
