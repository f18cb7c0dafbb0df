package kz.khc.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kz.khc.deploy.RunLocal;

import org.jspecify.annotations.Nullable;

/**
 * The load tests of issue 9 ({@code deploy/load.sh}): starts the whole suite on free ports in a fresh data dir,
 * prepares each scenario's data with the benchmarks' code (citizens in Keycloak, the cabinet's core data through its
 * import, signed drafts), then runs the Gatling simulations of the {@code load-tests} module — each once per target,
 * through the gateway and to the service directly (and Keycloak's token endpoint for the logins) — by the Maven plugin
 * ({@code ./mvnw -pl load-tests gatling:test}), reads each run's report ({@link GatlingReport}) and the CPU time each
 * component used in the run's window ({@link CpuSampler}), runs pgbench on the suite's PostgreSQL for the intake, and
 * writes the figures with their ratios to {@code deploy/target/load/<time>/summary.md} (and stdout).
 * <p>
 * Scenarios (arguments without {@code --}; all four by default): {@code cabinet}, {@code identity}, {@code intake},
 * {@code ranking}. Options ({@code --name=value}): data-dir ({@code <repo>/.local-load}, emptied first), warmup (15 s
 * per closed-loop run; cabinet-warmup 90 s for the cabinet's, the first after the start), duration (45 s measured),
 * clients (300 generated cabinet clients), users (40 citizens reading their cabinet), cabinet-concurrency (16),
 * login-concurrency (8), code-concurrency (32), ranking-concurrency (16), login-warmup (45 s of logins through the
 * gateway before the login runs), intake-warmup (10 s at intake-warmup-rate, 4/s), intake-from (2/s), intake-to (24/s),
 * intake-duration (40 s ramp), pgbench-duration (15 s), &lt;service&gt;-java-options (added to that service's JVM by
 * {@code JAVA_TOOL_OPTIONS}, e.g. {@code --gateway-java-options} or {@code --cabinet-java-options} with a flight
 * recording).
 */
public final class LoadTests {

	static final List<String> SCENARIOS = List.of("cabinet", "identity", "intake", "ranking");
	static final List<String> COMPONENTS = List.of("gateway", "identity", "cabinet", "elorda-application", "scoring",
			"notification", "keycloak", "postgres", "kafka", CpuSampler.LAUNCHER, "load generator");
	/** The suite's Spring Boot services, as LocalSuite names them. */
	private static final List<String> SERVICES = COMPONENTS.subList(0, 6);
	/** The suite without the load generator: what the suite's own processes spent. */
	private static final List<String> SUITE = COMPONENTS.subList(0, COMPONENTS.size() - 1);
	private static final String LOGIN_CLIENT = "citizen-login";
	private static final String LOGIN_SECRET = "citizen-login-local-demo-secret";
	/** The login test's citizens: the n-th IINs of {@link Api#iin} from here on, as the identity benchmark's. */
	private static final int FIRST_LOGIN_USER = 900_000;
	/** The demo citizen heading the healthcare list (realm-elorda.json; DemoApplications) and their demo password. */
	private static final String RANKED_IIN = "900315300010";
	private static final String RANKED_ACCOUNT = "110100000001";
	private static final String RANKED_PASSWORD = "Citizen-demo-2";
	/** The lists' categories as scoring-service names them in its paths (three shorter than the intake's). */
	private static final List<String> RANKED_CATEGORIES = List.of("HEALTHCARE", "EDUCATION", "CULTURE", "SPORT",
			"SOCIAL", "UNIVERSITIES_RESEARCH", "MEDIA", "MUNICIPAL", "POLICE", "EMERGENCY", "ORPHANS");

	private LoadTests() {
	}

	/** One Gatling run: a simulation against one target, its report and what the suite spent meanwhile. */
	record Run(String scenario, String target, GatlingReport report, CpuSampler.Usage usage, double measuredSeconds) {

		List<GatlingReport.Request> measured() {
			return report.in("measured");
		}

		long measuredCount() {
			return measured().stream().mapToLong(GatlingReport.Request::count).sum();
		}

		long errors() {
			return measured().stream().mapToLong(GatlingReport.Request::ko).sum();
		}

		/** Answers as expected per second (an error that comes back fast is no throughput). */
		double throughput() {
			return measured().stream().mapToLong(GatlingReport.Request::ok).sum() / measuredSeconds;
		}

		double throughput(GatlingReport.Request request) {
			return request.ok() / measuredSeconds;
		}

		/** ms of CPU per request (warm-up and measured together: the window holds both) of each component. */
		Map<String, Double> cpuPerRequest() {
			return usage.perRequest(report.count());
		}
	}

	public static void main(String[] args) throws Exception {
		RunLocal.quietClientLogging();
		var scenarios = new ArrayList<String>();
		var optionArgs = new ArrayList<String>();
		for (String arg : args) {
			if (arg.startsWith("--")) {
				optionArgs.add(arg);
			} else if (SCENARIOS.contains(arg)) {
				scenarios.add(arg);
			} else {
				throw new IllegalArgumentException("unknown scenario %s: one of %s".formatted(arg, SCENARIOS));
			}
		}
		if (scenarios.isEmpty()) {
			scenarios.addAll(SCENARIOS);
		}
		Map<String, String> options = CabinetBenchmark.options(optionArgs.toArray(String[]::new));
		Path repo = CabinetBenchmark.locateRepo();
		Path dataDir = Path.of(options.getOrDefault("data-dir", repo.resolve(".local-load").toString()))
			.toAbsolutePath();
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now());
		Path out = repo.resolve("deploy/target/load").resolve(stamp);
		Files.createDirectories(out.resolve("data"));
		delete(dataDir);
		Files.createDirectories(dataDir);
		Map<String, Map<String, String>> environment = SERVICES.stream()
			.filter(service -> options.containsKey(service + "-java-options"))
			.collect(Collectors.toMap(service -> service,
					service -> Map.of("JAVA_TOOL_OPTIONS", options.get(service + "-java-options"))));

		var report = new StringBuilder("# Load tests — %s%n%n".formatted(
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
		report.append(("Machine: %d cores, %s %s, JDK %s; load average at the start %s (1 / 5 / 15 min; other work on the "
				+ "machine shows there). Command: `deploy/load.sh %s`.%s%n%n").formatted(
						Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
						System.getProperty("os.arch"), System.getProperty("java.version"), Machine.loadAverage(),
						String.join(" ", args), environment.isEmpty() ? "" : " Changed: " + environment + "."));
		log("Starting the suite on free ports, data in %s ...".formatted(dataDir));
		Instant suiteStart = Instant.now();
		try (SuiteHandle suite = SuiteHandle.start(repo, dataDir, environment, true);
				CpuSampler sampler = new CpuSampler(suite)) {
			log("Suite up in %d s".formatted(Duration.between(suiteStart, Instant.now()).toSeconds()));
			report.append(("Suite: LocalSuite on free ports (the services' launcher flags: SerialGC, 256 MB heap, C1 only "
					+ "but for the gateway and elorda-application-service; Keycloak in dev mode; PostgreSQL with zonky's "
					+ "settings), started in %d s. Load generator: Gatling %s by its Maven plugin, on the same machine.%n%n").formatted(
							Duration.between(suiteStart, Instant.now()).toSeconds(), gatlingVersion(repo)));
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
			var gatling = new Gatling(repo, out, sampler, options);
			var sections = new LinkedHashMap<String, String>();
			var capacity = new ArrayList<String>();
			for (String scenario : scenarios) {
				try {
					sections.put(scenario, switch (scenario) {
						case "cabinet" -> cabinet(api, suite, gatling, options, dataDir, repo, capacity);
						case "identity" -> identity(api, suite, gatling, options, capacity);
						case "intake" -> intake(api, suite, gatling, sampler, options, dataDir, capacity);
						case "ranking" -> ranking(api, suite, gatling, options);
						default -> throw new IllegalStateException(scenario);
					});
				} catch (Exception e) {
					log("Scenario %s failed: %s".formatted(scenario, e));
					e.printStackTrace();
					sections.put(scenario, "## %s%n%nFailed: `%s`%n%n".formatted(scenario, e.toString()));
				}
			}
			sections.values().forEach(report::append);
			if (!capacity.isEmpty()) {
				report.append("## CPU per request for CAPACITY.md\n\n")
					.append("| Figure | Flow | Component | ms of CPU per request |\n|---|---|---|---:|\n");
				capacity.forEach(line -> report.append(line).append('\n'));
				report.append('\n');
			}
			report.append("Load average at the end: %s.%n".formatted(Machine.loadAverage()));
		}
		Path summary = out.resolve("summary.md");
		Files.writeString(summary, report);
		System.out.println();
		System.out.println(report);
		log("Written " + summary + "; Gatling's reports in " + out.resolve("gatling"));
		// the SMS simulator's delivery receipts run on WireMock's webhook pool: non-daemon threads its stop() leaves
		System.exit(0);
	}

	// ---------------------------------------------------------------------------------------------------- cabinet

	private static String cabinet(Api api, SuiteHandle suite, Gatling gatling, Map<String, String> options,
			Path dataDir, Path repo, List<String> capacity) throws Exception {
		int clients = Integer.parseInt(options.getOrDefault("clients", "300"));
		int users = Integer.parseInt(options.getOrDefault("users", "40"));
		Path file = dataDir.resolve("core-data-%d.jsonl".formatted(clients));
		CabinetBenchmark.generate(repo, file, clients);
		var load = new CoreDataLoad(api, suite.jdbcUrl("cabinet"), file, LoadTests::log);
		log("Importing %d generated clients through the gateway ...".formatted(clients));
		load.importUntil(Instant.MAX, 2, load.loadedContracts());
		Map<String, Integer> loaded = load.loadedContracts();
		List<CabinetBenchmark.Citizen> citizens = CabinetBenchmark.citizens(api, clients, users, loaded.keySet());
		log("%d citizens with %d contracts".formatted(citizens.size(),
				citizens.stream().mapToInt(c -> c.contracts().size()).sum()));
		var tokens = new CabinetBenchmark.TokenRefresh(api, citizens);
		String concurrency = options.getOrDefault("cabinet-concurrency", "16");
		// the first scenario after the suite's start: C2 needs longer than 15 s to compile the gateway's request path
		String warmup = options.getOrDefault("cabinet-warmup", "90");

		List<Run> runs = cabinetRuns(suite, gatling, tokens, concurrency, warmup);
		Run gateway = runs.get(0);
		capacity.add("| G8 | cabinet read through the gateway | gateway | %.2f |".formatted(cpu(gateway, "gateway")));
		capacity.add("| G9 | cabinet read through the gateway | cabinet | %.2f |".formatted(cpu(gateway, "cabinet")));
		capacity.add("| G10 | cabinet read through the gateway | PostgreSQL | %.2f |".formatted(cpu(gateway, "postgres")));
		String description = ("%d citizens (of %d generated clients imported through the core-data import), each visit: "
				+ "their contracts, a schedule page (a year, 10 rows), their profile, with the citizen's own token; closed "
				+ "loop of %s users, %s s warm-up, %s s measured. Baseline: cabinet-service directly with the same tokens.")
			.formatted(citizens.size(), clients, concurrency, warmup, gatling.duration());
		String shared = section("Cabinet reads", description + " Every process on every core.", runs, runs.get(1),
				null);

		Tiers tiers = Tiers.ofThisMachine();
		log("Cabinet reads again with the tiers on cores of their own: " + tiers.describe());
		List<Run> tiered;
		tiers.pin(suite);
		try {
			tiered = cabinetRuns(suite, gatling.onCores(tiers.edge()), tokens, concurrency, warmup);
		} finally {
			gatling.onCores(null);
			tiers.release(suite);
		}
		return shared + section("Cabinet reads, the tiers on cores of their own", description + (" The edge and the "
				+ "services on separate cores, as deployed (%s): the ratio is the throughput the gateway keeps when it "
				+ "does not compete with the service for the same CPU.").formatted(tiers.describe()), tiered,
				tiered.get(1), null);
	}

	/** The cabinet reads through the gateway, then against cabinet-service directly. */
	private static List<Run> cabinetRuns(SuiteHandle suite, Gatling gatling, CabinetBenchmark.TokenRefresh tokens,
			String concurrency, String warmup) throws Exception {
		var runs = new ArrayList<Run>();
		for (String[] target : new String[][] { { "gateway", suite.gatewayUrl() },
				{ "cabinet-service directly", suite.cabinetUrl() } }) {
			tokens.refreshIfOlderThan(Duration.ofMinutes(1));
			var rows = new ArrayList<String>();
			for (CabinetBenchmark.Citizen citizen : tokens.citizens()) {
				for (int c = 0; c < citizen.contracts().size(); c++) {
					List<Integer> years = citizen.years().get(c);
					for (int y = 0; y < Math.min(3, years.size()); y++) {
						rows.add("%s,%s,%d".formatted(citizen.token(), citizen.contracts().get(c),
								years.get(years.size() * y / 3)));
					}
				}
			}
			gatling.data("citizens.csv", "token,contract,year", rows);
			runs.add(gatling.run("cabinet", "CabinetReads", target[0], target[1],
					Map.of("concurrency", concurrency, "warmup", warmup)));
		}
		return runs;
	}

	// ---------------------------------------------------------------------------------------------------- identity

	private static String identity(Api api, SuiteHandle suite, Gatling gatling, Map<String, String> options,
			List<String> capacity) throws Exception {
		int users = 30;
		log("Making %d citizens in Keycloak ...".formatted(users));
		String admin = api.adminToken();
		var logins = new ArrayList<String>();
		var citizens = new ArrayList<String[]>();
		for (int u = 0; u < users; u++) {
			String iin = Api.iin(FIRST_LOGIN_USER + u);
			String account = "11%010d".formatted(500_000_000L + u);
			api.ensureCitizen(admin, iin, account);
			citizens.add(new String[] { iin, account });
			logins.add("%s,%s,%s,%s,%s".formatted(iin, account, Api.CITIZEN_PASSWORD, LOGIN_CLIENT, LOGIN_SECRET));
		}
		gatling.data("logins.csv", "iin,account,password,client,secret", logins);
		api.citizenToken(Api.iin(FIRST_LOGIN_USER), "11%010d".formatted(500_000_000L)); // fails early if broken
		// Keycloak, identity-service and the gateway start cold (JIT; Keycloak's first password hashes take seconds):
		// logins through the gateway for a while, unmeasured, so that the first target does not pay for all three
		int loginWarmup = Integer.parseInt(options.getOrDefault("login-warmup", "45"));
		log("Warming up the login path for %d s ...".formatted(loginWarmup));
		new ClosedLoop(api.http(), suite.gatewayUrl()).run("warm-up", random -> {
			String[] citizen = citizens.get(random.nextInt(citizens.size()));
			return HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/identity/v1/sessions"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(Api.login(citizen[0], citizen[1], Api.CITIZEN_PASSWORD)))
				.build();
		}, 200, 4, Duration.ofSeconds(loginWarmup), Duration.ofSeconds(1));
		String loginConcurrency = options.getOrDefault("login-concurrency", "8");
		Map<String, String> loginLoad = Map.of("concurrency", loginConcurrency);
		var loginRuns = new ArrayList<Run>();
		loginRuns.add(gatling.run("login", "KeycloakLogins", "Keycloak's password grant directly", suite.keycloakUrl(),
				loginLoad));
		loginRuns.add(gatling.run("login", "Logins", "identity-service directly", suite.identityUrl(), loginLoad));
		loginRuns.add(gatling.run("login", "Logins", "gateway", suite.gatewayUrl(), loginLoad));

		String codeConcurrency = options.getOrDefault("code-concurrency", "32");
		var codeRuns = new ArrayList<Run>();
		long next = ThreadLocalRandom.current().nextLong(1_000_000, 50_000_000);
		for (String[] target : new String[][] { { "identity-service directly", suite.identityUrl() },
				{ "gateway", suite.gatewayUrl() } }) {
			int rows = Integer.parseInt(codeConcurrency) * 2 * (gatling.warmup() + gatling.duration()) + 500;
			var registrations = new ArrayList<String>();
			for (int i = 0; i < rows; i++, next++) {
				registrations.add("12%010d,%s,ИК-2024/%06d-1,+7 701 %03d %02d %02d,%s".formatted(next,
						Api.iin((int) next), next % 1_000_000, next / 10_000 % 1000, next / 100 % 100, next % 100,
						"11.%d.%d.%d".formatted(next >> 16 & 0xff, next >> 8 & 0xff, next & 0xff)));
			}
			gatling.data("registrations.csv", "account,iin,contract,mobile,address", registrations);
			codeRuns.add(gatling.run("code requests", "CodeRequests", target[0], target[1],
					Map.of("concurrency", codeConcurrency)));
		}
		Run gateway = loginRuns.get(2);
		capacity.add("| G4 | sign-in through the gateway | gateway | %.2f |".formatted(cpu(gateway, "gateway")));
		capacity.add("| G5 | sign-in through the gateway | identity | %.2f |".formatted(cpu(gateway, "identity")));
		capacity.add("| G6 | sign-in through the gateway | Keycloak | %.2f |".formatted(cpu(gateway, "keycloak")));
		capacity.add("| G7 | sign-in through the gateway | PostgreSQL | %.2f |".formatted(cpu(gateway, "postgres")));
		return section("Login", ("Citizens' logins to the cabinet (`POST /api/identity/v1/sessions`), each by a random one "
				+ "of %d citizens with the right password; closed loop of %s users. Baselines: identity-service "
				+ "directly, and under it Keycloak's password grant of `citizen-login` — what the service asks for "
				+ "each login — as the floor.").formatted(users, loginConcurrency), loginRuns, loginRuns.get(1),
				loginRuns.get(0))
				+ section("Code requests", ("Primary authorization's code requests (`POST /api/identity/v1/registrations`) "
						+ "with values matching no contract (no SMS), each with its own IIN, phone and client address; "
						+ "closed loop of %s users. Every answer is padded to 800 ms by design (a match and no match "
						+ "look alike): the latency has that floor, what the server adds is the time above it. "
						+ "Baseline: identity-service directly.").formatted(codeConcurrency), codeRuns,
						codeRuns.get(0), null);
	}

	// ---------------------------------------------------------------------------------------------------- intake

	private static String intake(Api api, SuiteHandle suite, Gatling gatling, CpuSampler sampler,
			Map<String, String> options, Path dataDir, List<String> capacity) throws Exception {
		int warmup = Integer.parseInt(options.getOrDefault("intake-warmup", "10"));
		int warmupRate = Integer.parseInt(options.getOrDefault("intake-warmup-rate", "4"));
		int from = Integer.parseInt(options.getOrDefault("intake-from", "2"));
		int to = Integer.parseInt(options.getOrDefault("intake-to", "24"));
		int duration = Integer.parseInt(options.getOrDefault("intake-duration", "40"));
		int warmDrafts = warmup * warmupRate + 5;
		int burstDrafts = (int) Math.ceil((from + to) / 2.0 * duration * 1.05) + 5;
		List<IntakeBenchmark.Citizen> citizens = IntakeBenchmark.citizens(api, warmDrafts + burstDrafts, 4);
		var editions = new ArrayList<String>();
		var runs = new ArrayList<Run>();
		CpuSampler.Usage setup = null;
		long drafts = 0;
		for (String[] target : new String[][] { { "gateway", suite.gatewayUrl() },
				{ "elorda-application-service directly", suite.elordaUrl() } }) {
			String edition = IntakeBenchmark.openEdition(api, editions);
			log("Edition %s: preparing %d signed drafts ...".formatted(edition, citizens.size()));
			long begin = sampler.now();
			List<IntakeBenchmark.Draft> prepared = IntakeBenchmark.prepare(api, suite, citizens, 4);
			CpuSampler.Usage usage = sampler.between(begin, sampler.now());
			if (setup == null) {
				setup = usage;
				drafts = prepared.size();
			}
			log("  ready in %.0f s".formatted(usage.seconds()));
			List<String> rows = prepared.stream()
				.map(draft -> "%s,%s,%s".formatted(draft.id(), draft.token(), draft.signature()))
				.toList();
			gatling.data("drafts-warm-up.csv", "id,token,signature", rows.subList(0, warmDrafts));
			gatling.data("drafts.csv", "id,token,signature", rows.subList(warmDrafts, rows.size()));
			runs.add(gatling.run("intake", "IntakeBurst", target[0], target[1], Map.of("warmup", String.valueOf(warmup),
					"warmupRate", String.valueOf(warmupRate), "rateFrom", String.valueOf(from), "rateTo",
					String.valueOf(to), "duration", String.valueOf(duration))));
		}
		Path pgbench = IntakeBenchmark.pgbench(options.get("pgbench"));
		var pgbenchOptions = new LinkedHashMap<>(options);
		pgbenchOptions.putIfAbsent("pgbench-duration", "15");
		List<String[]> pgbenchRuns = IntakeBenchmark.pgbenchRuns(suite, pgbench, dataDir, pgbenchOptions);

		Map<String, Double> session = setup.perRequest(drafts);
		capacity.add("| G1 | application session (draft, 2 uploads, signing content; login when the token is older than "
				+ "2 min) | gateway | %.2f |".formatted(session.getOrDefault("gateway", 0.0)));
		capacity.add("| G2 | application session | elorda | %.2f |".formatted(
				session.getOrDefault("elorda-application", 0.0)));
		capacity.add("| G3 | application session | PostgreSQL | %.2f |".formatted(session.getOrDefault("postgres", 0.0)));
		capacity.add("| — | application session | identity / Keycloak / launcher JVM (the demo CA signing) | %.2f / %.2f / %.2f |"
			.formatted(session.getOrDefault("identity", 0.0), session.getOrDefault("keycloak", 0.0),
					session.getOrDefault(CpuSampler.LAUNCHER, 0.0)));

		var out = new StringBuilder(section("Intake-opening burst", ("Citizens submitting signed applications "
				+ "(`POST /api/elorda/v1/applications/{id}/submission`: the CMS signature with OCSP at the launcher's NCA "
				+ "simulator, the documents, the number, the event in the same transaction). Open model: %d s at %d/s to "
				+ "warm up, then arrivals ramping from %d/s to %d/s over %d s, each submitting its own draft once (a "
				+ "new edition per target, the same %d citizens; drafts, documents and signatures made before, %.0f s for "
				+ "%d). Baseline: elorda-application-service directly, and PostgreSQL's commit rate by pgbench below.")
			.formatted(warmup, warmupRate, from, to, duration, citizens.size(), setup.seconds(), drafts), runs,
				runs.get(1), null));
		out.append("pgbench on the suite's PostgreSQL in the same run, after the bursts (`%s`, scale %s, %s s each, "
			.formatted(IntakeBenchmark.pgbenchVersion(pgbench), options.getOrDefault("pgbench-scale", "10"),
					pgbenchOptions.get("pgbench-duration")))
			.append("the suite idle); each transaction is one commit:\n\n")
			.append("| pgbench | tps | latency avg ms | submissions/s through the gateway ÷ tps | directly ÷ tps |\n")
			.append("|---|---:|---:|---:|---:|\n");
		for (String[] run : pgbenchRuns) {
			double tps = run[2].isEmpty() ? 0 : Double.parseDouble(run[2]);
			out.append("| %s | %s | %s | %s | %s |%n".formatted(run[0], run[2], run[3],
					tps > 0 ? "%.4f".formatted(runs.get(0).throughput() / tps) : "–",
					tps > 0 ? "%.4f".formatted(runs.get(1).throughput() / tps) : "–"));
		}
		out.append('\n');
		return out.toString();
	}

	// ---------------------------------------------------------------------------------------------------- ranking

	private static String ranking(Api api, SuiteHandle suite, Gatling gatling, Map<String, String> options)
			throws Exception {
		String concurrency = options.getOrDefault("ranking-concurrency", "16");
		var runs = new ArrayList<Run>();
		for (String[] target : new String[][] { { "gateway", suite.gatewayUrl() },
				{ "scoring-service directly", suite.scoringUrl() } }) {
			String staff = api.akimatToken();
			String citizen = demoCitizenToken(api);
			var rows = new ArrayList<String>();
			for (String category : RANKED_CATEGORIES) {
				rows.add("elorda-zhastary,2026,%s,%s,%s".formatted(category, staff, citizen));
			}
			gatling.data("ranking.csv", "programme,edition,category,staffToken,citizenToken", rows);
			runs.add(gatling.run("ranking", "RankedLists", target[0], target[1], Map.of("concurrency", concurrency)));
		}
		return section("Ranking", ("The ranked lists of Elorda Zhastary 2026 (the launcher's demo applications, three per "
				+ "category), each visit: a category's public page (no login, IINs masked), the akimat officer's page of "
				+ "the same list, the demo citizen's \"my positions\"; closed loop of %s users. Baseline: "
				+ "scoring-service directly with the same tokens. (Ranking itself at a million applications is "
				+ "`deploy/bench.sh ranking`.)").formatted(concurrency), runs, runs.get(1), null);
	}

	private static String demoCitizenToken(Api api) throws IOException, InterruptedException {
		var response = api.http().send(HttpRequest.newBuilder(URI.create(api.gateway() + "/api/identity/v1/sessions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Api.login(RANKED_IIN, RANKED_ACCOUNT, RANKED_PASSWORD)))
			.build(), HttpResponse.BodyHandlers.ofString());
		Api.expect(response, 200, "login of the demo citizen " + RANKED_IIN);
		return Api.first(java.util.regex.Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\""), response.body(),
				"accessToken");
	}

	// ---------------------------------------------------------------------------------------------------- report

	/**
	 * A scenario's tables: each target's requests with throughput and percentiles, the ratios to the baseline (and to
	 * the floor, if any), then the CPU per request of each component in each run.
	 */
	static String section(String title, String description, List<Run> runs, Run baseline, @Nullable Run floor) {
		var out = new StringBuilder("## %s%n%n%s%n%n".formatted(title, description));
		out.append("| Target | Request | Requests | Errors | OK req/s | p50 ms | p95 ms | p99 ms | max ms | req/s ÷ %s | p99 ÷ %s |"
			.formatted(baseline.target(), baseline.target()));
		if (floor != null) {
			out.append(" req/s ÷ %s |".formatted(floor.target()));
		}
		out.append("\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|").append(floor != null ? "---:|\n" : "\n");
		for (Run run : runs) {
			List<GatlingReport.Request> requests = run.measured();
			for (GatlingReport.Request request : requests) {
				GatlingReport.Request base = baseline.measured().stream()
					.filter(b -> b.name().equals(request.name()))
					.findFirst()
					.orElse(null);
				out.append("| %s | %s | %,d | %,d | %.1f | %s | %s | %s | %s | %s | %s |".formatted(run.target(),
						request.name(), request.count(), request.ko(), run.throughput(request), ms(request.percentile(50)),
						ms(request.percentile(95)), ms(request.percentile(99)), ms(request.max()),
						base == null ? "–" : ratio(run.throughput(request), baseline.throughput(base)),
						base == null ? "–" : ratio(request.percentile(99), base.percentile(99))));
				if (floor != null) {
					out.append(" %s |".formatted(ratio(run.throughput(request), floor.throughput())));
				}
				out.append('\n');
			}
			if (requests.size() > 1) {
				out.append("| %s | **all** | %,d | %,d | **%.1f** | | | | | **%s** | |%s%n".formatted(run.target(),
						run.measuredCount(), run.errors(), run.throughput(),
						ratio(run.throughput(), baseline.throughput()), floor != null ? " |" : ""));
			}
		}
		out.append('\n');
		out.append("CPU per request in ms (each component's processes over the run's window, warm-up included, ÷ all its "
				+ "requests), the suite's cores and how busy the machine was:\n\n| Target |");
		List<String> shown = COMPONENTS.stream()
			.filter(c -> runs.stream().anyMatch(run -> run.cpuPerRequest().getOrDefault(c, 0.0) >= 0.05))
			.toList();
		shown.forEach(c -> out.append(" %s |".formatted(c)));
		out.append(" suite cores | machine busy |\n|---|");
		shown.forEach(c -> out.append("---:|"));
		out.append("---:|---:|\n");
		for (Run run : runs) {
			out.append("| %s |".formatted(run.target()));
			shown.forEach(c -> out.append(" %.2f |".formatted(run.cpuPerRequest().getOrDefault(c, 0.0))));
			out.append(" %.2f | %.0f %% |%n".formatted(run.usage().cores(SUITE), 100 * run.usage().machineBusy()));
		}
		out.append('\n');
		return out.toString();
	}

	private static double cpu(Run run, String component) {
		return run.cpuPerRequest().getOrDefault(component, 0.0);
	}

	private static String ms(double value) {
		return Double.isNaN(value) ? "–" : "%.0f".formatted(value);
	}

	static String ratio(double value, double base) {
		return base > 0 && !Double.isNaN(value) && !Double.isNaN(base) ? "%.2f".formatted(value / base) : "–";
	}

	// ---------------------------------------------------------------------------------------------------- Gatling

	/** Runs one simulation of load-tests by Gatling's Maven plugin and reads what it did. */
	static final class Gatling {

		private final Path repo;
		private final Path out;
		private final CpuSampler sampler;
		private final int warmup;
		private final int duration;
		private int runs;
		/** The cores the load generator runs on ({@code taskset -c}), or any. */
		private @Nullable String cores;

		Gatling(Path repo, Path out, CpuSampler sampler, Map<String, String> options) {
			this.repo = repo;
			this.out = out;
			this.sampler = sampler;
			this.warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
			this.duration = Integer.parseInt(options.getOrDefault("duration", "45"));
		}

		int warmup() {
			return warmup;
		}

		/** Runs the load generator on these cores from now on ({@code taskset -c} syntax), or on any when null. */
		Gatling onCores(@Nullable String cores) {
			this.cores = cores;
			return this;
		}

		int duration() {
			return duration;
		}

		/** Writes a data file the simulations read ({@code load.dir}). */
		void data(String name, String header, List<String> rows) throws IOException {
			Files.writeString(out.resolve("data").resolve(name), header + "\n" + String.join("\n", rows) + "\n",
					StandardCharsets.UTF_8);
		}

		Run run(String scenario, String simulation, String target, String baseUrl, Map<String, String> settings)
				throws Exception {
			runs++;
			String name = "%02d-%s-%s".formatted(runs, simulation, target.replaceAll("[^A-Za-z]+", "-"))
				.toLowerCase();
			Path results = out.resolve("gatling").resolve(name);
			Path window = out.resolve("data").resolve(name + ".window");
			Files.createDirectories(results);
			var properties = new LinkedHashMap<String, String>();
			properties.put("warmup", String.valueOf(warmup));
			properties.put("duration", String.valueOf(duration));
			properties.putAll(settings);
			var command = new ArrayList<String>();
			if (cores != null) {
				command.addAll(List.of("taskset", "-c", cores));
			}
			command.addAll(List.of(repo.resolve("mvnw").toString(), "-B", "-q", "-pl", "load-tests",
					"gatling:test", "-Dgatling.simulationClass=kz.khc.load." + simulation, "-Dload.baseUrl=" + baseUrl,
					"-Dload.dir=" + out.resolve("data"), "-Dload.results=" + results, "-Dload.window=" + window));
			properties.forEach((key, value) -> command.add("-Dload.%s=%s".formatted(key, value)));
			log("%s: %s against %s (%s) ...".formatted(scenario, simulation, target, properties));
			Path logFile = out.resolve("logs").resolve(name + ".log");
			Files.createDirectories(logFile.getParent());
			var builder = new ProcessBuilder(command).directory(repo.toFile())
				.redirectErrorStream(true)
				.redirectOutput(logFile.toFile());
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			int exit = builder.start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("Gatling run %s failed (exit %d), see %s:%n%s".formatted(name, exit,
						logFile, tail(logFile)));
			}
			long[] marks = marks(window);
			CpuSampler.Usage usage = sampler.between(marks[0], marks[1]);
			GatlingReport report = GatlingReport.read(results);
			double measured = settings.containsKey("rateTo") ? Double.parseDouble(settings.get("duration")) : duration;
			var run = new Run(scenario, target, report, usage, measured);
			log("  %,d measured requests, %,d errors, %.1f req/s%s".formatted(run.measuredCount(), run.errors(),
					run.throughput(), run.measured().stream()
						.map(r -> "; %s p50 %.0f p99 %.0f ms".formatted(r.name(), r.percentile(50), r.percentile(99)))
						.reduce("", String::concat)));
			return run;
		}

		private long[] marks(Path window) throws IOException {
			long start = 0;
			long end = 0;
			if (Files.exists(window)) {
				for (String line : Files.readAllLines(window)) {
					String[] parts = line.trim().split(" ");
					if (parts[0].equals("start")) {
						start = Long.parseLong(parts[1]);
					} else if (parts[0].equals("end")) {
						end = Long.parseLong(parts[1]);
					}
				}
			}
			if (start == 0 || end == 0) {
				throw new IllegalStateException("the simulation marked no window in " + window);
			}
			return new long[] { start, end };
		}

		private static String tail(Path log) throws IOException {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
	}

	private static String gatlingVersion(Path repo) {
		try {
			String pom = Files.readString(repo.resolve("pom.xml"));
			var matcher = java.util.regex.Pattern.compile("<gatling.version>([^<]+)</gatling.version>").matcher(pom);
			return matcher.find() ? matcher.group(1) : "?";
		} catch (IOException e) {
			return "?";
		}
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> tree = Files.walk(dir)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void log(String message) {
		CabinetBenchmark.log(message);
	}
}
