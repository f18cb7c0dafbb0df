package kz.khc.deploy.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import kz.khc.deploy.RunLocal;

/**
 * The cabinet benchmark of issue 3: with ~100,000 generated contracts (~20 million schedule rows) in PostgreSQL,
 * the throughput and p50/p99 of a schedule page and of a contract's detail through the gateway, beside a baseline
 * that touches no database ({@code GET /api/identity/v1/me}).
 * <ol>
 * <li>starts the suite ({@code LocalSuite}, default ports) on its own data dir, default {@code <repo>/.local-bench};
 * <li>generates {@code <data-dir>/core-data-<clients>.jsonl} with the cabinet's DemoDataFile CLI unless it exists;
 * <li>loads every client of the file that is not completely in the database yet: through the core-data import
 * until {@code --import-until}, then (unless {@code --no-copy}) the rest by COPY — a benchmark shortcut;
 * <li>creates {@code --users} citizens in Keycloak, each with the account number of a generated client spread over
 * the whole range, and fetches their tokens and contract ids;
 * <li>measures each scenario in a closed loop through the gateway, writes a Markdown table to
 * {@code deploy/target/bench/cabinet-<timestamp>.md} and stdout, and stops the suite.
 * </ol>
 * Arguments ({@code --name=value}): data-dir, clients (51500), users (200), concurrency (a list, 16,4: the
 * scenarios run at each), warmup (20 s), duration (60 s), import-parallel (2), import-until (HH:mm machine time; default: no
 * deadline), no-copy, load-only.
 */
public final class CabinetBenchmark {

	private static final String ME = "/api/identity/v1/me";
	private static final String CONTRACTS = "/api/cabinet/v1/contracts/";
	private static final Duration TOKEN_MAX_AGE = Duration.ofMinutes(10);

	private CabinetBenchmark() {
	}

	/** A benchmark citizen: their token and contracts with the years of each schedule. */
	record Citizen(String username, String account, String token, List<String> contracts, List<List<Integer>> years) {
	}

	public static void main(String[] args) throws Exception {
		RunLocal.quietClientLogging();
		Map<String, String> options = options(args);
		Path repo = locateRepo();
		Path dataDir = Path.of(options.getOrDefault("data-dir", repo.resolve(".local-bench").toString())).toAbsolutePath();
		int clients = Integer.parseInt(options.getOrDefault("clients", "51500"));
		int users = Integer.parseInt(options.getOrDefault("users", "200"));
		int importParallel = Integer.parseInt(options.getOrDefault("import-parallel", "2"));
		Instant importUntil = options.containsKey("import-until")
				? ZonedDateTime.of(LocalDateTime.now().toLocalDate(), LocalTime.parse(options.get("import-until")),
						ZoneId.systemDefault()).toInstant()
				: Instant.MAX;
		boolean copyRest = !options.containsKey("no-copy");
		var report = new StringBuilder();
		log("Cabinet benchmark on %d cores, %s; data dir %s".formatted(Runtime.getRuntime().availableProcessors(),
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), dataDir));

		Files.createDirectories(dataDir);
		Path file = dataDir.resolve("core-data-%d.jsonl".formatted(clients));
		String generator = generate(repo, file, clients);

		Instant suiteStart = Instant.now();
		log("Starting the suite ...");
		try (SuiteHandle suite = SuiteHandle.start(repo, dataDir)) {
			log("Suite up in %.0f s".formatted(Duration.between(suiteStart, Instant.now()).toMillis() / 1000.0));
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5)).build();
			var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
			String jdbc = suite.jdbcUrl("cabinet");

			var load = new CoreDataLoad(api, jdbc, file, CabinetBenchmark::log);
			Map<String, Integer> loaded = load.loadedContracts();
			long[] missing = load.missing(loaded);
			log("In the database: %,d clients; missing from the file: %,d clients, %,d contracts, %,d schedule rows"
					.formatted(loaded.size(), missing[0], missing[1], missing[2]));
			CoreDataLoad.ImportStats imported = null;
			CoreDataLoad.CopyStats copied = null;
			if (missing[0] > 0) {
				log("Importing through the gateway (%d parallel uploads)%s ...".formatted(importParallel,
						importUntil.equals(Instant.MAX) ? "" : " until " + options.get("import-until")));
				imported = load.importUntil(importUntil, importParallel, loaded);
				log(importLine(imported));
				loaded = load.loadedContracts();
				missing = load.missing(loaded);
				if (missing[0] > 0 && copyRest) {
					log("COPY of the rest: %,d clients, %,d contracts, %,d rows ...".formatted(missing[0], missing[1],
							missing[2]));
					copied = load.copyRest(loaded, 2_000);
					log("COPY: %,d clients, %,d contracts, %,d rows in %.0f s".formatted(copied.clients(),
							copied.contracts(), copied.rows(), copied.elapsed().toMillis() / 1000.0));
				}
			}
			Map<String, String> counts = counts(jdbc);
			log("Counts: " + counts);

			report.append("# Cabinet benchmark — %s%n%n".formatted(
					ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
			report.append("Machine: %d cores, %s %s, JDK %s. Suite started by LocalSuite (default JVM flags of the services).%n%n"
					.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
							System.getProperty("os.arch"), System.getProperty("java.version")));
			report.append("Generator: `%s`%n%n".formatted(generator));
			report.append("Data in PostgreSQL (`cabinet`): %s%n%n".formatted(counts));
			if (imported != null) {
				report.append("Import through the gateway: %s%n%n".formatted(importLine(imported)));
			}
			if (copied != null) {
				report.append("Benchmark shortcut, not a product path: %,d clients, %,d contracts, %,d schedule rows bulk-loaded by COPY in %.0f s.%n%n"
						.formatted(copied.clients(), copied.contracts(), copied.rows(), copied.elapsed().toMillis() / 1000.0));
			}
			if (options.containsKey("load-only")) {
				log("load-only: no measurements");
			} else {
				measure(options, repo, suite, api, jdbc, clients, users, loaded, report);
			}
		}
		log("Stopped.");
	}

	private static void measure(Map<String, String> options, Path repo, SuiteHandle suite, Api api, String jdbc,
			int clients, int users, Map<String, Integer> loaded, StringBuilder report) throws Exception {
		List<Integer> concurrencies = java.util.Arrays.stream(options.getOrDefault("concurrency", "16,4").split(","))
				.map(String::trim).map(Integer::parseInt).toList();
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
		Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
		HttpClient http = api.http();

		List<Citizen> citizens = citizens(api, clients, users, loaded.keySet());
		log("%d citizens with %d contracts".formatted(citizens.size(),
				citizens.stream().mapToInt(c -> c.contracts().size()).sum()));
		var tokens = new TokenRefresh(api, citizens);

		var loop = new ClosedLoop(http, suite.gatewayUrl());
		Function<ThreadLocalRandom, ClosedLoop.Call> me = random -> {
			Citizen citizen = tokens.citizens().get(random.nextInt(citizens.size()));
			return new ClosedLoop.Call(ME, citizen.token());
		};
		Function<ThreadLocalRandom, ClosedLoop.Call> schedule = random -> {
			Citizen citizen = tokens.citizens().get(random.nextInt(citizens.size()));
			int contract = random.nextInt(citizen.contracts().size());
			List<Integer> years = citizen.years().get(contract);
			return new ClosedLoop.Call(CONTRACTS + citizen.contracts().get(contract) + "/schedule?year="
					+ years.get(random.nextInt(years.size())) + "&size=10&page=" + random.nextInt(2), citizen.token());
		};
		Function<ThreadLocalRandom, ClosedLoop.Call> detail = random -> {
			Citizen citizen = tokens.citizens().get(random.nextInt(citizens.size()));
			return new ClosedLoop.Call(CONTRACTS + citizen.contracts().get(random.nextInt(citizen.contracts().size())),
					citizen.token());
		};
		var results = new ArrayList<ClosedLoop.Result>();
		for (int c : concurrencies) {
			var scenarios = new LinkedHashMap<String, Function<ThreadLocalRandom, ClosedLoop.Call>>();
			scenarios.put("(c) baseline GET /identity/v1/me", me);
			scenarios.put("(a) schedule page", schedule);
			scenarios.put("(b) contract detail", detail);
			for (var scenario : scenarios.entrySet()) {
				tokens.refreshIfOlderThan(TOKEN_MAX_AGE.minus(warmUp).minus(measured));
				log("Measuring %s at concurrency %d (%d s warm-up, %d s measured) ...".formatted(scenario.getKey(),
						c, warmUp.toSeconds(), measured.toSeconds()));
				ClosedLoop.Result result = loop.run(scenario.getKey(), scenario.getValue(), c, warmUp, measured);
				results.add(result);
				log("  %,d requests, %d errors, %.0f req/s, p50 %.1f ms, p99 %.1f ms%s".formatted(result.requests(),
						result.errors(), result.throughput(), result.millis(50), result.millis(99),
						result.firstError().isEmpty() ? "" : "; first error: " + result.firstError()));
			}
		}
		report.append(table(results));
		report.append(explain(jdbc, citizens.getFirst()));
		Path out = repo.resolve("deploy/target/bench").resolve("cabinet-%s.md".formatted(
				LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println();
		System.out.println(report);
		log("Written to " + out + "; stopping the suite ...");
	}

	private static String importLine(CoreDataLoad.ImportStats s) {
		return ("%,d requests (%d failed), %,d lines (%,d applied, %,d unchanged, %,d rejected), %,d contracts and %,d "
				+ "schedule rows in %.0f s with %d parallel uploads: %.1f lines/s, %.1f contracts/s, %.0f rows/s, %.1f MB/s")
				.formatted(s.requests(), s.failedRequests(), s.lines(), s.applied(), s.unchanged(), s.rejected(),
						s.contractsSent(), s.rowsSent(), s.elapsed().toMillis() / 1000.0, s.parallel(),
						s.linesPerSecond(), s.contractsPerSecond(), s.rowsPerSecond(),
						s.bytesSent() / 1e6 / Math.max(0.001, s.elapsed().toMillis() / 1000.0));
	}

	/** Runs the cabinet's DemoDataFile CLI (from the cabinet jar) unless the file exists; returns the command. */
	static String generate(Path repo, Path file, int clients) throws IOException, InterruptedException {
		Path jar = repo.resolve("cabinet-service/target/cabinet-service-0.1.0-SNAPSHOT.jar");
		List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", jar.toString(),
				"-Dloader.main=kz.khc.cabinet.coredata.DemoDataFile",
				"org.springframework.boot.loader.launch.PropertiesLauncher", file.toString(), String.valueOf(clients));
		String shown = "java -cp cabinet-service/target/cabinet-service-0.1.0-SNAPSHOT.jar "
				+ "-Dloader.main=kz.khc.cabinet.coredata.DemoDataFile "
				+ "org.springframework.boot.loader.launch.PropertiesLauncher %s %d".formatted(
						file.startsWith(repo) ? repo.relativize(file) : file, clients);
		if (Files.exists(file)) {
			log("Reusing %s (%,d MB)".formatted(file, Files.size(file) / 1_000_000));
			return shown;
		}
		log("Generating: " + shown);
		Instant begin = Instant.now();
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		var list = new ArrayList<>(command);
		list.set(list.size() - 2, partial.toString());
		int exit = new ProcessBuilder(list).inheritIO().start().waitFor();
		if (exit != 0) {
			throw new IllegalStateException("DemoDataFile failed with exit code " + exit);
		}
		Files.move(partial, file);
		log("Generated %,d MB in %.0f s".formatted(Files.size(file) / 1_000_000,
				Duration.between(begin, Instant.now()).toMillis() / 1000.0));
		return shown;
	}

	/** Citizens spread over the whole client range; client 0 is the demo login's account. */
	static List<Citizen> citizens(Api api, int clients, int users, java.util.Set<String> accounts)
			throws Exception {
		String admin = api.adminToken();
		var picked = new ArrayList<String[]>();
		for (int u = 0; u < users; u++) {
			int index = (int) ((long) u * clients / users) + (u * 7919 % Math.max(1, clients / users));
			String account = index == 0 ? "110000101182" : "11%010d".formatted(100_000_000L + index);
			if (accounts.contains(account)) {
				picked.add(new String[] { Api.iin(u), account });
			}
		}
		log("Creating %d Keycloak users ...".formatted(picked.size()));
		for (String[] user : picked) {
			api.ensureCitizen(admin, user[0], user[1]);
		}
		var result = new ArrayList<Citizen>();
		try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
			var futures = new ArrayList<Future<Citizen>>();
			for (String[] user : picked) {
				futures.add(executor.submit(() -> {
					String token = api.citizenToken(user[0], user[1]);
					List<String> contracts = api.contractIds(token);
					var years = new ArrayList<List<Integer>>();
					for (String contract : contracts) {
						years.add(api.scheduleYears(token, contract));
					}
					return new Citizen(user[0], user[1], token, contracts, years);
				}));
			}
			try {
				for (Future<Citizen> future : futures) {
					Citizen citizen = future.get();
					if (!citizen.contracts().isEmpty()) {
						result.add(citizen);
					}
				}
			} catch (Exception e) {
				executor.shutdownNow(); // fail fast instead of waiting for every other user's timeouts
				throw e;
			}
		}
		return result;
	}

	/** The citizens' tokens, renewed (a new login) when older than a given age. */
	static final class TokenRefresh {

		private final Api api;
		private volatile List<Citizen> citizens;
		private Instant fetchedAt = Instant.now();

		TokenRefresh(Api api, List<Citizen> citizens) {
			this.api = api;
			this.citizens = citizens;
		}

		List<Citizen> citizens() {
			return citizens;
		}

		void refreshIfOlderThan(Duration age) throws Exception {
			if (Duration.between(fetchedAt, Instant.now()).compareTo(age) < 0) {
				return;
			}
			log("Renewing %d tokens ...".formatted(citizens.size()));
			Instant begin = Instant.now();
			try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
				var futures = citizens.stream().map(c -> executor.submit(() -> new Citizen(c.username(), c.account(),
						api.citizenToken(c.username(), c.account()), c.contracts(), c.years()))).toList();
				var renewed = new ArrayList<Citizen>();
				for (var future : futures) {
					renewed.add(future.get());
				}
				citizens = List.copyOf(renewed);
			}
			fetchedAt = begin;
		}
	}

	private static Map<String, String> counts(String jdbc) throws SQLException {
		var counts = new LinkedHashMap<String, String>();
		try (Connection connection = DriverManager.getConnection(jdbc, "cabinet", "cabinet");
				Statement statement = connection.createStatement()) {
			for (String table : List.of("client", "contract", "schedule_row")) {
				try (var rs = statement.executeQuery("select count(*), pg_size_pretty(pg_total_relation_size('" + table
						+ "')) from " + table)) {
					rs.next();
					counts.put(table, "%,d rows (%s)".formatted(rs.getLong(1), rs.getString(2)));
				}
			}
		}
		return counts;
	}

	private static String table(List<ClosedLoop.Result> results) {
		var out = new StringBuilder();
		out.append("Closed loop through the gateway (http://127.0.0.1, HTTP/1.1), virtual-thread clients in the same "
				+ "machine as the suite; latencies in ms; ratios against the baseline at the same concurrency.\n\n");
		out.append("| Scenario | Concurrency | Requests | Errors | Throughput req/s | p50 | p90 | p99 | p99.9 | max | p50 / base | p99 / base | throughput / base |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (ClosedLoop.Result r : results) {
			ClosedLoop.Result base = results.stream()
					.filter(b -> b.concurrency() == r.concurrency() && b.scenario().startsWith("(c)")).findFirst()
					.orElse(null);
			String ratios = base == null ? "| – | – | – " : "| %.2f | %.2f | %.2f ".formatted(
					r.millis(50) / base.millis(50), r.millis(99) / base.millis(99), r.throughput() / base.throughput());
			out.append("| %s | %d | %,d | %,d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f %s|%n".formatted(r.scenario(),
					r.concurrency(), r.requests(), r.errors(), r.throughput(), r.millis(50), r.millis(90), r.millis(99),
					r.millis(99.9), r.maxMillis(), ratios));
		}
		out.append('\n');
		return out.toString();
	}

	/** EXPLAIN ANALYZE of the cabinet's read queries (Contracts.java) for one benchmark contract. */
	private static String explain(String jdbc, Citizen citizen) {
		var out = new StringBuilder("## Query plans (EXPLAIN (ANALYZE, BUFFERS), one benchmark contract)\n\n");
		String contract = citizen.contracts().getFirst();
		int year = citizen.years().getFirst().get(citizen.years().getFirst().size() / 2);
		List<String> queries = List.of(
				"select id from client where account_number = '%s'".formatted(citizen.account()),
				"select * from contract where id = '%s' and client_id = (select client_id from contract where id = '%s')"
						.formatted(contract, contract),
				"select * from schedule_row where contract_id = '%s' order by seq".formatted(contract),
				"select count(*) from schedule_row where contract_id = '%s' and due_date >= '%d-01-01' and due_date < '%d-01-01'"
						.formatted(contract, year, year + 1),
				"select * from schedule_row where contract_id = '%s' and due_date >= '%d-01-01' and due_date < '%d-01-01' order by seq limit 10 offset 10"
						.formatted(contract, year, year + 1),
				"select distinct extract(year from due_date)::int from schedule_row where contract_id = '%s' order by 1"
						.formatted(contract));
		try (Connection connection = DriverManager.getConnection(jdbc, "cabinet", "cabinet");
				Statement statement = connection.createStatement()) {
			for (String query : queries) {
				out.append("```\n").append(query).append('\n');
				try (var rs = statement.executeQuery("explain (analyze, buffers) " + query)) {
					while (rs.next()) {
						out.append(rs.getString(1)).append('\n');
					}
				}
				out.append("```\n\n");
			}
		} catch (SQLException e) {
			out.append("(failed: ").append(e.getMessage()).append(")\n");
		}
		return out.toString();
	}

	static Map<String, String> options(String[] args) {
		var options = new LinkedHashMap<String, String>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unknown argument " + arg);
			}
			int equals = arg.indexOf('=');
			options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
		}
		return options;
	}

	static Path locateRepo() {
		String configured = System.getProperty("suite.repo.root");
		if (configured != null) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("deploy/pom.xml"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Run from inside the repository or set -Dsuite.repo.root");
	}

	static void log(String message) {
		System.out.printf("%s %s%n", LocalTime.now().withNano(0), message);
		System.out.flush();
	}
}
