package kz.khc.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The local run's open edition of Elorda Zhastary: when no edition takes applications today, the akimat's demo
 * officer creates one through the gateway, as an officer would — open from today (Asia/Almaty) for 60 days, with the
 * latest edition's terms or the standard ones. Citizens of the demo can then apply.
 */
final class DemoEdition {

	static final String EDITIONS = "/api/elorda/v1/editions";
	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private DemoEdition() {
	}

	/** @return the id of the edition open now */
	static String ensureOpen(String gatewayUrl, String keycloakUrl) {
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + EDITIONS + "/current"))
				.timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
			if (current.statusCode() == 200) {
				return idOf(current.body());
			}
			Keycloak.DemoUser officer = Keycloak.DemoUser.AKIMAT_OFFICER;
			String token = new OidcLogin(keycloakUrl, Keycloak.REALM, "elorda-web", gatewayUrl + "/")
				.login(officer.username, officer.password).accessToken();
			LocalDate today = LocalDate.now(ALMATY);
			String id = "demo-" + today.toString().replace("-", "");
			String body = """
					{"id":"%s","name":"Elorda Zhastary %d","opensAt":"%s","closesAt":"%s"}""".formatted(id,
					today.getYear(), today.atStartOfDay(ALMATY).toInstant(),
					today.plusDays(60).atStartOfDay(ALMATY).toInstant());
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + EDITIONS))
				.timeout(TIMEOUT)
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (created.statusCode() != 201) {
				throw new IllegalStateException("could not open the demo edition: " + created.statusCode() + " "
						+ created.body());
			}
			return id;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not open the demo edition", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while opening the demo edition", ex);
		}
	}

	private static String idOf(String edition) {
		var matcher = ID.matcher(edition);
		if (!matcher.find()) {
			throw new IllegalStateException("no id in " + edition);
		}
		return matcher.group(1);
	}
}
