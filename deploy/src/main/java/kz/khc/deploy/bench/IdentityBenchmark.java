package kz.khc.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.khc.deploy.RunLocal;

/**
 * The identity benchmark of issue 5, on the whole local suite (real Keycloak, PostgreSQL, Kafka, cabinet and
 * notification services; the captcha and SMS providers are the local run's WireMock simulator):
 * <ol>
 * <li><b>login</b> (DOMAIN I3, {@code POST /api/identity/v1/sessions}): {@code --users} citizens are made in Keycloak
 * (username the IIN, password {@link Api#CITIZEN_PASSWORD}); at each of {@code --login-concurrency} a closed loop of
 * correct logins, each by a random one of them, (a) as Keycloak's password grant of the confidential client
 * {@code citizen-login} called directly — what identity-service asks Keycloak —, (b) to identity-service on its own
 * port, (c) through the gateway; the ratios c/a and c/b are the cost of the service and of the gateway;
 * <li><b>code request</b> (primary authorization, DOMAIN I1, {@code POST /api/identity/v1/registrations}): at each
 * of {@code --code-concurrency} a closed loop of requests that match no contract (no SMS), each with a fresh IIN,
 * mobile and client address ({@code X-Forwarded-For}, as a load balancer in front of the gateway sends it) so that
 * the hourly limits per phone, IIN and address do not trigger, (b) to identity-service directly and (c) through the
 * gateway; the report shows the addresses the service recorded. Every answer is padded to
 * {@code identity.registration.min-answer-time} (800 ms) by design: the latency has that floor and the throughput is
 * about concurrency / 0.8 s until the machine saturates;
 * <li>then {@code --matched} requests with the demo client's real values (an SMS each) beside as many unmatched ones,
 * one at a time: the two take the same time from outside. The demo phone and IIN allow 5 code requests an hour, so
 * a second run within the hour sees 429 there.
 * </ol>
 * Beside each run, the CPU time each component of the suite used (its processes and their children) and how busy
 * the machine was. Writes {@code deploy/target/bench/identity-<timestamp>.md} and stdout. Arguments
 * ({@code --name=value}): data-dir ({@code <repo>/.local-bench-identity}), users (50), login-concurrency (1,4,16),
 * code-concurrency (1,16,64,160), matched (3), address-limit (the service's own, 20, unless given), login-warmup (30 s of
 * logins through the gateway before the first measured line: Keycloak, the service and the gateway start cold),
 * warmup (5 s before each line), duration (20 s).
 */
public final class IdentityBenchmark {

	private static final String SESSIONS = "/api/identity/v1/sessions";
	private static final String REGISTRATIONS = "/api/identity/v1/registrations";
	/** The realm's confidential client that checks citizens' passwords; its local demo secret of realm-elorda.json. */
	private static final String LOGIN_CLIENT = "citizen-login";
	private static final String LOGIN_SECRET = "citizen-login-local-demo-secret";
	/** The benchmark's citizens are the {@code n}-th IINs of {@link Api#iin} from here on: the same on every run. */
	private static final int FIRST_USER = 900_000;
	/** The cabinet's demo client (DemoData's client 0) and its local demo password of realm-elorda.json. */
	private static final String DEMO_IIN = "651106450323";
	private static final String DEMO_ACCOUNT = "110000101182";
	private static final String DEMO_PASSWORD = "Citizen-demo-1";
	private static final String DEMO_MOBILE = "+7 701 234 56 78";
	private static final List<String> COMPONENTS = List.of("keycloak", "identity", "gateway", "cabinet", "postgres");
	private static final Pattern SESSION_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern FIRST_CONTRACT = Pattern
		.compile("\"number\":\"([^\"]+)\",\"kind\":\"[^\"]+\",\"concludedOn\":\"([^\"]+)\"");

	private IdentityBenchmark() {
	}

	/** A closed-loop run with what the suite's processes and the machine spent on it. */
	private record Run(ClosedLoop.Result result, Map<String, Double> cpuMillisPerRequest, double suiteCores,
			double machineBusy) {
	}

	public static void main(String[] args) throws Exception {
		RunLocal.quietClientLogging();
		Map<String, String> options = CabinetBenchmark.options(args);
		Path repo = CabinetBenchmark.locateRepo();
		Path dataDir = Path.of(options.getOrDefault("data-dir", repo.resolve(".local-bench-identity").toString()))
			.toAbsolutePath();
		int users = Integer.parseInt(options.getOrDefault("users", "50"));
		List<Integer> loginConcurrencies = list(options.getOrDefault("login-concurrency", "1,4,16"));
		List<Integer> codeConcurrencies = list(options.getOrDefault("code-concurrency", "1,16,64,160"));
		int matched = Integer.parseInt(options.getOrDefault("matched", "3"));
		Map<String, Map<String, String>> environment = options.containsKey("address-limit")
				? Map.of("identity", Map.of("IDENTITY_CODES_PER_ADDRESS_PER_HOUR", options.get("address-limit")))
				: Map.of();
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
		Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
		Duration loginWarmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("login-warmup", "30")));

		var report = new StringBuilder("# Identity benchmark — %s%n%n".formatted(
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
		report.append("Machine: %d cores, %s %s, JDK %s. Suite started by LocalSuite (the services' default JVM flags); "
				.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
						System.getProperty("os.arch"), System.getProperty("java.version")))
			.append("Keycloak in dev mode (its default password hashing); the captcha and SMS providers: the local "
					+ "run's WireMock simulator (in the launcher's JVM). The load generator runs on the same machine. "
					+ "Warm-up %d s, then %d s measured per line. ".formatted(warmUp.toSeconds(), measured.toSeconds()))
			.append(environment.isEmpty() ? "\n\n" : "Changed for the run: %s.\n\n".formatted(environment));
		Files.createDirectories(dataDir);
		log("Starting the suite on %s ...".formatted(dataDir));
		try (SuiteHandle suite = SuiteHandle.start(repo, dataDir, environment)) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
			report.append(logins(api, suite, users, loginConcurrencies, loginWarmUp, warmUp, measured));
			report.append(codeRequests(api, suite, codeConcurrencies, warmUp, measured));
			report.append(matchedBesideUnmatched(api, suite, matched));
		}
		Path out = repo.resolve("deploy/target/bench/identity-%s.md"
			.formatted(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now())));
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println();
		System.out.println(report);
		log("Written " + out);
		// the SMS simulator's delivery receipts run on WireMock's webhook pool: non-daemon threads its stop() leaves
		System.exit(0);
	}

	private static String logins(Api api, SuiteHandle suite, int users, List<Integer> concurrencies,
			Duration loginWarmUp, Duration warmUp, Duration measured) throws Exception {
		log("Making %d citizens in Keycloak ...".formatted(users));
		String admin = api.adminToken();
		var citizens = new ArrayList<String[]>();
		for (int u = 0; u < users; u++) {
			String iin = Api.iin(FIRST_USER + u);
			String account = "11%010d".formatted(500_000_000L + u);
			api.ensureCitizen(admin, iin, account);
			citizens.add(new String[] { iin, account });
		}
		api.citizenToken(citizens.getFirst()[0], citizens.getFirst()[1]); // fails early if the login path is broken
		String hashing = passwordHashing(api.http(), suite, admin, citizens.getFirst()[0]);

		Function<ThreadLocalRandom, HttpRequest> keycloak = random -> {
			String[] citizen = citizens.get(random.nextInt(citizens.size()));
			return HttpRequest.newBuilder(URI.create(suite.keycloakUrl() + "/realms/" + Api.REALM
					+ "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id",
						LOGIN_CLIENT, "client_secret", LOGIN_SECRET, "username", citizen[0], "password",
						Api.CITIZEN_PASSWORD, "scope", "openid"))))
				.build();
		};
		Function<String, Function<ThreadLocalRandom, HttpRequest>> login = base -> random -> {
			String[] citizen = citizens.get(random.nextInt(citizens.size()));
			return HttpRequest.newBuilder(URI.create(base + SESSIONS))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(Api.login(citizen[0], citizen[1], Api.CITIZEN_PASSWORD)))
				.build();
		};
		var loop = new ClosedLoop(api.http(), suite.gatewayUrl());
		// the first logins find Keycloak, identity-service and the gateway cold (JIT): warm all three up, unmeasured
		log("Warming up the login path for %d s ...".formatted(loginWarmUp.toSeconds()));
		loop.run("warm-up", login.apply(suite.gatewayUrl()), 200, 4, loginWarmUp, Duration.ofSeconds(1));
		var results = new ArrayList<Run[]>();
		for (int concurrency : concurrencies) {
			log("Login at concurrency %d: (a) Keycloak's password grant directly ...".formatted(concurrency));
			Run a = run(suite, loop, "(a) Keycloak password grant, directly", keycloak, 200, concurrency, warmUp,
					measured);
			log("... (b) identity-service directly ...");
			Run b = run(suite, loop, "(b) identity-service directly", login.apply(suite.identityUrl()), 200,
					concurrency, warmUp, measured);
			log("... (c) through the gateway ...");
			Run c = run(suite, loop, "(c) login through the gateway", login.apply(suite.gatewayUrl()), 200,
					concurrency, warmUp, measured);
			results.add(new Run[] { a, b, c });
		}

		var out = new StringBuilder("## Login (`POST /api/identity/v1/sessions`)\n\n");
		out.append("%d citizens, each login by a random one with the right password (correct logins are never locked). "
			.formatted(users))
			.append("Closed loop, virtual-thread clients, HTTP/1.1; latencies in ms. (a) is what identity-service asks "
					+ "Keycloak (password grant of `citizen-login`); (b) adds the service: the lockout record, the "
					+ "token's account-number and user-type check, the audit row; (c) adds the gateway. All three "
					+ "warmed up together for %d s first. The citizens' ".formatted(loginWarmUp.toSeconds())
					+ "password hashes at Keycloak: `%s`.\n\n".formatted(hashing));
		out.append("| Scenario | Concurrency | Requests | Errors | req/s | p50 | p95 | p99 | max | p99 ÷ (a) | req/s ÷ (a) | p99 ÷ (b) | req/s ÷ (b) |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Run[] runs : results) {
			ClosedLoop.Result a = runs[0].result();
			ClosedLoop.Result b = runs[1].result();
			for (Run run : runs) {
				ClosedLoop.Result r = run.result();
				out.append(row(r)).append(" %s | %s | %s | %s |%n".formatted(ratio(r.millis(99), a.millis(99)),
						ratio(r.throughput(), a.throughput()),
						run == runs[0] ? "" : ratio(r.millis(99), b.millis(99)),
						run == runs[0] ? "" : ratio(r.throughput(), b.throughput())));
				firstError(out, r);
			}
		}
		out.append('\n').append(cpuTable(results));
		return out.toString();
	}

	private static String codeRequests(Api api, SuiteHandle suite, List<Integer> concurrencies, Duration warmUp,
			Duration measured) throws Exception {
		// fresh IIN, mobile and client address per request, from a different start on each run: no hourly limit hits
		var next = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 50_000_000));
		Function<String, Function<ThreadLocalRandom, HttpRequest>> request = base -> random -> {
			long n = next.getAndIncrement();
			String body = """
					{"userType":"CLIENT","accountNumber":"12%010d","iin":"%s","contractNumber":"ИК-2024/%06d-1",\
					"contractDate":"2024-02-01","mobile":"+7 701 %03d %02d %02d","captchaToken":"bench",\
					"termsAccepted":true}""".formatted(n, Api.iin((int) n), n % 1_000_000, n / 10_000 % 1000,
					n / 100 % 100, n % 100);
			return HttpRequest.newBuilder(URI.create(base + REGISTRATIONS))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", address(n))
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
		};
		Instant start = Instant.now();
		var loop = new ClosedLoop(api.http(), suite.gatewayUrl());
		var results = new ArrayList<Run[]>();
		for (int concurrency : concurrencies) {
			log("Code requests at concurrency %d: (b) identity-service directly ...".formatted(concurrency));
			Run b = run(suite, loop, "(b) identity-service directly", request.apply(suite.identityUrl()), 202,
					concurrency, warmUp, measured);
			log("... (c) through the gateway ...");
			Run c = run(suite, loop, "(c) code request through the gateway", request.apply(suite.gatewayUrl()), 202,
					concurrency, warmUp, measured);
			results.add(new Run[] { b, c });
		}

		var out = new StringBuilder("## Code request (`POST /api/identity/v1/registrations`)\n\n");
		out.append("Primary authorization with values that match no contract (no SMS): the captcha check at the "
				+ "provider simulator, the cabinet's check of the five values, the limits, the challenge, the audit "
				+ "row. Every answer waits out `identity.registration.min-answer-time` (800 ms) so that a match and no "
				+ "match look alike: the floor is by design, throughput ≈ concurrency ÷ 0.8 s until the machine "
				+ "saturates; what the server adds shows as time above 800 ms. Latencies in ms.\n\n");
		out.append("| Scenario | Concurrency | Requests | Errors | req/s | p50 | p95 | p99 | max | p50 − 800 | p99 ÷ (b) | req/s ÷ (b) |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Run[] runs : results) {
			ClosedLoop.Result b = runs[0].result();
			for (Run run : runs) {
				ClosedLoop.Result r = run.result();
				out.append(row(r)).append(" %.1f | %s | %s |%n".formatted(r.millis(50) - 800,
						ratio(r.millis(99), b.millis(99)), ratio(r.throughput(), b.throughput())));
				firstError(out, r);
			}
		}
		out.append('\n').append(addresses(suite, start)).append(cpuTable(results));
		return out.toString();
	}

	/** How Keycloak hashed the citizen's password: the {@code credentialData} of the admin API, e.g. algorithm. */
	private static String passwordHashing(HttpClient http, SuiteHandle suite, String admin, String username)
			throws Exception {
		String users = suite.keycloakUrl() + "/admin/realms/" + Api.REALM + "/users";
		String found = http.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
			.header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(found);
		if (!id.find()) {
			return "unknown";
		}
		String credentials = http.send(HttpRequest.newBuilder(URI.create(users + "/" + id.group(1) + "/credentials"))
			.header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher data = Pattern.compile("\"credentialData\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(credentials);
		return data.find() ? data.group(1).replace("\\\"", "\"") : "unknown";
	}

	/** The client addresses identity-service recorded for the run's code requests, as its hourly limit counts them. */
	private static String addresses(SuiteHandle suite, Instant since) throws Exception {
		try (var connection = DriverManager.getConnection(suite.jdbcUrl("identity"), "identity", "identity");
				var statement = connection.prepareStatement("""
						select address, count(*) n, sum(count(*)) over (), count(*) over ()
						from code_request where at >= ? group by address order by n desc limit 1""")) {
			statement.setTimestamp(1, Timestamp.from(since));
			try (var rs = statement.executeQuery()) {
				if (!rs.next()) {
					return "No code request recorded.\n\n";
				}
				return ("Client addresses as identity-service recorded them: %,d code requests from %,d addresses; the "
						+ "most from one: %,d from `%s`.%n%n").formatted(rs.getLong(3), rs.getLong(4), rs.getLong(2),
								rs.getString(1));
			}
		}
	}

	/**
	 * The demo client's real values (a match: the code goes by SMS through notification-service) one at a time,
	 * beside the same number of unmatched requests: from outside the two take the same time.
	 */
	private static String matchedBesideUnmatched(Api api, SuiteHandle suite, int count) throws Exception {
		if (count <= 0) {
			return "";
		}
		log("%d matched code requests beside %d unmatched ...".formatted(count, count));
		HttpClient http = api.http();
		long n = ThreadLocalRandom.current().nextLong(50_000_000, 60_000_000);
		var session = http.send(json(suite.gatewayUrl() + SESSIONS, Api.login(DEMO_IIN, DEMO_ACCOUNT, DEMO_PASSWORD),
				address(n - 1)), HttpResponse.BodyHandlers.ofString());
		Matcher token = SESSION_TOKEN.matcher(session.body());
		if (session.statusCode() != 200 || !token.find()) {
			return "## Matched beside unmatched\n\nSkipped: the demo client's login answered HTTP %d %s%n%n"
				.formatted(session.statusCode(), session.body().replace('\n', ' '));
		}
		String contracts = api.get("/api/cabinet/v1/contracts", token.group(1)).body();
		Matcher contract = FIRST_CONTRACT.matcher(contracts);
		if (!contract.find()) {
			return "## Matched beside unmatched\n\nSkipped: no contract of the demo client in %s%n%n".formatted(
					contracts.substring(0, Math.min(300, contracts.length())));
		}
		var times = new LinkedHashMap<String, List<Double>>();
		var statuses = new LinkedHashMap<String, Map<Integer, Integer>>();
		for (int i = 0; i < count; i++) {
			String match = """
					{"userType":"CLIENT","accountNumber":"%s","iin":"%s","contractNumber":"%s","contractDate":"%s",\
					"mobile":"%s","captchaToken":"bench","termsAccepted":true}""".formatted(DEMO_ACCOUNT, DEMO_IIN,
					contract.group(1), contract.group(2), DEMO_MOBILE);
			String noMatch = """
					{"userType":"CLIENT","accountNumber":"12%010d","iin":"%s","contractNumber":"%s","contractDate":"%s",\
					"mobile":"+7 701 %03d %02d %02d","captchaToken":"bench","termsAccepted":true}""".formatted(n + i,
					Api.iin((int) (n + i)), contract.group(1), contract.group(2), (n + i) / 10_000 % 1000,
					(n + i) / 100 % 100, (n + i) % 100);
			for (String[] kind : new String[][] { { "matched (SMS sent)", match }, { "unmatched", noMatch } }) {
				long sent = System.nanoTime();
				var response = http.send(json(suite.gatewayUrl() + REGISTRATIONS, kind[1], address(n + count + i)),
						HttpResponse.BodyHandlers.discarding());
				times.computeIfAbsent(kind[0], k -> new ArrayList<>()).add((System.nanoTime() - sent) / 1e6);
				statuses.computeIfAbsent(kind[0], k -> new LinkedHashMap<>()).merge(response.statusCode(), 1,
						Integer::sum);
			}
		}
		var out = new StringBuilder("## Matched beside unmatched\n\n");
		out.append("The demo client's real values (the code goes by SMS through notification-service) and values "
				+ "matching nothing, alternately, one at a time, through the gateway. The demo phone and IIN allow 5 "
				+ "code requests an hour: a second run within the hour sees 429 there (also padded).\n\n");
		out.append("| Request | Answers | mean ms | min ms | max ms |\n|---|---|---:|---:|---:|\n");
		times.forEach((kind, millis) -> out.append("| %s | %s | %.1f | %.1f | %.1f |%n".formatted(kind,
				statuses.get(kind), millis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
				millis.stream().mapToDouble(Double::doubleValue).min().orElse(0),
				millis.stream().mapToDouble(Double::doubleValue).max().orElse(0))));
		out.append('\n');
		return out.toString();
	}

	/** One closed-loop run, with the CPU time the suite's components and the whole machine spent meanwhile. */
	private static Run run(SuiteHandle suite, ClosedLoop loop, String scenario,
			Function<ThreadLocalRandom, HttpRequest> next, int okStatus, int concurrency, Duration warmUp,
			Duration measured) throws Exception {
		Map<String, Long> cpuBefore = suite.cpuMillis();
		long[] machineBefore = Machine.ticks();
		long began = System.nanoTime();
		ClosedLoop.Result result = loop.run(scenario, next, okStatus, concurrency, warmUp, measured);
		double seconds = (System.nanoTime() - began) / 1e9;
		long[] machineAfter = Machine.ticks();
		Map<String, Long> cpuAfter = suite.cpuMillis();
		// warm-up and measured window together: requests ≈ throughput × the whole run
		double requests = Math.max(1, result.throughput() * seconds);
		var perRequest = new LinkedHashMap<String, Double>();
		long total = 0;
		for (var component : cpuAfter.entrySet()) {
			long used = component.getValue() - cpuBefore.getOrDefault(component.getKey(), 0L);
			total += used;
			perRequest.put(component.getKey(), used / requests);
		}
		long busy = machineAfter[0] - machineBefore[0];
		long all = machineAfter[1] - machineBefore[1];
		return new Run(result, perRequest, total / 1000.0 / seconds, all == 0 ? 0 : (double) busy / all);
	}

	private static String cpuTable(List<Run[]> results) {
		var out = new StringBuilder("CPU per request, ms (each component's processes and their children, over the "
				+ "warm-up and the measured window), the suite's CPU in cores, and how busy the machine was "
				+ "(with the load generator):\n\n");
		out.append("| Scenario | Concurrency |");
		COMPONENTS.forEach(component -> out.append(" %s |".formatted(component)));
		out.append(" whole suite | suite cores | machine busy |\n|---|---:|");
		COMPONENTS.forEach(component -> out.append("---:|"));
		out.append("---:|---:|---:|\n");
		for (Run[] runs : results) {
			for (Run run : runs) {
				out.append("| %s | %d |".formatted(run.result().scenario(), run.result().concurrency()));
				COMPONENTS.forEach(component -> out.append(" %.1f |".formatted(
						run.cpuMillisPerRequest().getOrDefault(component, 0.0))));
				out.append(" %.1f | %.2f | %.0f %% |%n".formatted(
						run.cpuMillisPerRequest().values().stream().mapToDouble(Double::doubleValue).sum(),
						run.suiteCores(), 100 * run.machineBusy()));
			}
		}
		out.append('\n');
		return out.toString();
	}

	private static String row(ClosedLoop.Result r) {
		return "| %s | %d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f |".formatted(r.scenario(), r.concurrency(),
				r.requests(), r.errors(), r.throughput(), r.millis(50), r.millis(95), r.millis(99), r.maxMillis());
	}

	private static void firstError(StringBuilder out, ClosedLoop.Result r) {
		if (!r.firstError().isEmpty()) {
			out.append("| ↳ first error: %s |%n".formatted(r.firstError().replace('|', '/').replace('\n', ' ')));
		}
	}

	private static String ratio(double value, double base) {
		return base > 0 ? "%.2f".formatted(value / base) : "–";
	}

	/** A public-looking address per number (11.0.0.0/8: none of Tomcat's internal-proxy ranges). */
	private static String address(long n) {
		return "11.%d.%d.%d".formatted(n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff);
	}

	private static HttpRequest json(String url, String body, String clientAddress) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", clientAddress)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	private static String form(Map<String, String> fields) {
		var out = new StringBuilder();
		fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(name).append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return out.toString();
	}

	private static List<Integer> list(String commaSeparated) {
		return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Integer::parseInt).toList();
	}

	private static void log(String message) {
		CabinetBenchmark.log(message);
	}
}
