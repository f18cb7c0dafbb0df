package kz.khc.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real suite (PostgreSQL, Kafka, Keycloak and the six service jars) on free ports in a temporary directory
 * and drives it through the gateway, including a Kafka outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndIT {

	private static final String APPLICATIONS = "/api/elorda/v1/applications";
	private static final String STATISTICS = "/api/scoring/v1/statistics/submitted-applications";
	private static final Duration EVENTUALLY = Duration.ofMinutes(2);
	private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
	private static final Pattern HEALTHCARE = Pattern.compile("\"HEALTHCARE\"\\s*:\\s*(\\d+)");

	@TempDir
	static Path dataDir;

	private static LocalSuite suite;
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startSuite() {
		RunLocal.quietClientLogging();
		suite = LocalSuite.start(SuiteConfig.freePorts(dataDir));
		System.out.printf("Suite started in %d s; RSS kB %s; PSS kB %s%n", suite.startupTime().toSeconds(), suite.rssKb(), suite.pssKb());
	}

	@AfterAll
	static void stopSuite() {
		if (suite != null) {
			suite.close();
			// the same close() runs on Ctrl-C in the local run: nothing it started may outlive it
			assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::info))
					.isEmpty();
		}
	}

	@Test
	@Order(1)
	void gatewayIsHealthy() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	@Order(2)
	void applicationListNeedsAValidTokenAndTheOfficerRole() throws Exception {
		String officer = token(Keycloak.DemoUser.AKIMAT_OFFICER);

		assertThat(get(APPLICATIONS, null).statusCode()).isEqualTo(401);
		assertThat(get(APPLICATIONS, tamperedSignature(officer)).statusCode()).isEqualTo(401);
		assertThat(get(APPLICATIONS, token(Keycloak.DemoUser.CITIZEN)).statusCode()).isEqualTo(403);
		assertThat(get(APPLICATIONS, officer).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void submittedApplicationReachesThePublicStatistics() throws Exception {
		Counts before = statistics();

		assertThat(submitHealthcareApplication().statusCode()).isEqualTo(201);

		await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(statistics()).isEqualTo(before.plus(1)));
	}

	@Test
	@Order(4)
	void applicationsSubmittedDuringABrokerOutageArePublishedExactlyOnceAfterwards() throws Exception {
		int submissions = 10;
		Counts before = statistics();

		suite.stopKafka();
		ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
		try {
			// one submission every 3 s: the broker stays down for the ~30 s the requests keep coming
			List<ScheduledFuture<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < submissions; i++) {
				statuses.add(load.schedule(() -> submitHealthcareApplication().statusCode(), 3L * i, TimeUnit.SECONDS));
			}
			for (ScheduledFuture<Integer> status : statuses) {
				assertThat(status.get(1, TimeUnit.MINUTES)).as("submission without Kafka").isEqualTo(201);
			}
		} finally {
			load.shutdownNow();
			suite.startKafka();
		}

		Counts expected = before.plus(submissions);
		await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(statistics()).isEqualTo(expected));
		// and no duplicate arrives later (redelivery after the outage must be idempotent)
		await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(statistics()).isEqualTo(expected));
	}

	@Test
	@Order(5)
	void theCitizenSeesTheirOwnCabinetAndNobodyElses() throws Exception {
		String citizen = token(Keycloak.DemoUser.CITIZEN);

		HttpResponse<String> profile = get("/api/cabinet/v1/profile", citizen);
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
		assertThat(profile.body()).contains("\"accountNumber\":\"110000101182\"", "Ахметова");

		HttpResponse<String> contracts = get("/api/cabinet/v1/contracts", citizen);
		assertThat(contracts.statusCode()).as(contracts.body()).isEqualTo(200);
		List<String> ids = all(CONTRACT_ID, contracts.body());
		assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
		HttpResponse<String> schedule = get("/api/cabinet/v1/contracts/" + ids.getFirst() + "/schedule?size=5",
				citizen);
		assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(200);
		assertThat(schedule.body()).contains("\"status\":");

		String someoneElse = token(Keycloak.DemoUser.CITIZEN2);
		assertThat(get("/api/cabinet/v1/contracts/" + ids.getFirst(), someoneElse).statusCode()).isEqualTo(404);
		assertThat(get("/api/cabinet/v1/faq?q=" + encode("пени"), null).body()).contains("праздничный");
	}

	@Test
	@Order(6)
	void onlyIdentityServiceChecksPrimaryAuthorizationAndNeverThroughTheGateway() throws Exception {
		String contracts = get("/api/cabinet/v1/contracts", token(Keycloak.DemoUser.CITIZEN)).body();
		Matcher first = Pattern.compile("\"number\":\"([^\"]+)\",\"kind\":\"[^\"]+\",\"concludedOn\":\"([^\"]+)\"")
			.matcher(contracts);
		assertThat(first.find()).as(contracts).isTrue();
		String tuple = """
				{"accountNumber":"110000101182","iin":"651106450323","contractNumber":"%s","contractDate":"%s",
				 "mobile":"+7 701 234 56 78"}""".formatted(first.group(1), first.group(2));
		String path = "/internal/cabinet/v1/primary-authorization/checks";

		HttpResponse<String> check = post(suite.serviceUrl("cabinet") + path, serviceAccountToken(), tuple);
		assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
		assertThat(check.body()).contains("\"matches\":true");
		assertThat(post(suite.serviceUrl("cabinet") + path, token(Keycloak.DemoUser.CITIZEN), tuple).statusCode())
			.isEqualTo(403);
		assertThat(post(suite.gatewayUrl() + path, serviceAccountToken(), tuple).statusCode()).isEqualTo(404);
	}

	private static final Pattern CONTRACT_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static List<String> all(Pattern pattern, String body) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(body);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** identity-service's own token: client credentials of its confidential client (local demo secret). */
	private String serviceAccountToken() throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.tokenUrl()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=identity-service"
					+ "&client_secret=identity-service-local-demo-secret"))
			.build(), HttpResponse.BodyHandlers.ofString());
		return accessToken(response);
	}

	private static String accessToken(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		assertThat(accessToken.find()).as(response.body()).isTrue();
		return accessToken.group(1);
	}

	private record Counts(long total, long healthcare) {
		Counts plus(int submitted) {
			return new Counts(total + submitted, healthcare + submitted);
		}
	}

	private Counts statistics() throws IOException, InterruptedException {
		HttpResponse<String> response = get(STATISTICS, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new Counts(number(TOTAL, response.body()), number(HEALTHCARE, response.body()));
	}

	private HttpResponse<String> submitHealthcareApplication() throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + APPLICATIONS))
						.timeout(Duration.ofSeconds(30))
						.header("Authorization", "Bearer " + token(Keycloak.DemoUser.CITIZEN))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"HEALTHCARE\"}"))
						.build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Resource-owner password grant against the suite's Keycloak (demo users only). */
	private String token(Keycloak.DemoUser user) throws IOException, InterruptedException {
		String form = "grant_type=password&client_id=elorda-web&username=" + encode(user.username)
				+ "&password=" + encode(user.password);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.tokenUrl()))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build(),
				HttpResponse.BodyHandlers.ofString());
		return accessToken(response);
	}

	/** Same header and claims, one character of the signature changed (mid-signature, so the bytes really differ). */
	private static String tamperedSignature(String jwt) {
		int signatureStart = jwt.lastIndexOf('.') + 1;
		int position = signatureStart + (jwt.length() - signatureStart) / 2;
		char flipped = jwt.charAt(position) == 'A' ? 'B' : 'A';
		return jwt.substring(0, position) + flipped + jwt.substring(position + 1);
	}

	private static long number(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
