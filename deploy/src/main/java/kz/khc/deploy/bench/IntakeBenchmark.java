package kz.khc.deploy.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.deploy.RunLocal;
import kz.khc.deploy.signing.DemoCa;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The intake benchmark of issue 7, on the whole local suite (real Keycloak, PostgreSQL, Kafka and the six services;
 * the NCA's OCSP responder is the launcher's simulator): submissions per second through the gateway and their
 * p50/p95/p99 — {@code POST /api/elorda/v1/applications/{id}/submission}, which checks the applicant's CMS signature
 * (the chain to the demo CA, OCSP at the simulator), locks the draft, checks its documents against the edition's
 * package, numbers it, keeps the signature and writes {@code ApplicationSubmitted} to the event publication registry
 * in the same transaction (Kafka after the commit) — beside PostgreSQL's own commit rate, {@code pgbench} on the
 * suite's PostgreSQL in the same run, as a ratio.
 * <ol>
 * <li>{@code --citizens} citizens are made in Keycloak (username the IIN, password {@link Api#CITIZEN_PASSWORD}; kept
 * in the data dir's Keycloak for the next run);
 * <li>a person applies once per edition (DOMAIN E2), so every submission needs its own citizen and draft: the
 * benchmark works in rounds. In each, the akimat's officer closes the open edition and opens a new one (the
 * standard terms, but a package of two documents, {@link #DOCUMENTS}, so that the setup is shorter), and every
 * citizen logs in through the cabinet's login (again when the last token is older than two minutes), starts a draft
 * with the healthcare form of the end-to-end test, uploads the two documents (small PDFs, issued today), fetches the
 * signing content and signs it with the demo CA in this JVM — all setup, not measured, {@code --setup-parallel} at a
 * time; then a closed loop of {@code --concurrency} clients submits the drafts, each once, until they run out. Rounds
 * follow one another until the warm-up and the measured time are spent (the warm-up's submissions are not measured);
 * with several concurrencies, each gets its own warm-up and rounds;
 * <li>waits until every {@code ApplicationSubmitted} publication of the run is completed in the registry
 * ({@code event_publication}), then counts the submitted applications of the run's editions, their signatures, the
 * publications, and the records on {@code elorda.application-submitted.v1} since the start: each committed submission
 * must have exactly its event on Kafka;
 * <li>runs {@code pgbench} (TPC-B-like, then {@code -N}, the simple update) against the suite's PostgreSQL in a
 * database of its own ({@code pgbench}), while the suite idles;
 * <li>beside the figures, where the time goes: the CPU each component of the suite used per submission during the
 * loops, the time elorda-application-service itself spent per submission (its {@code http.server.requests} metric)
 * and waiting for a database connection, its database's commits per submission, and the OCSP exchange alone.
 * </ol>
 * Writes {@code deploy/target/bench/intake-<timestamp>.md} and stdout. Arguments ({@code --name=value}): data-dir
 * ({@code <repo>/.local-bench-intake}), citizens (1000), concurrency (1,4,16: each a line of its own), warmup (10 s
 * before each concurrency), duration (30 s measured per concurrency), setup-parallel (4), elorda-java-options (added to
 * elorda-application-service's JVM by {@code JAVA_TOOL_OPTIONS}, e.g. a flight recording or a BouncyCastle
 * property; the report names them), pgbench (its path; default the newest
 * {@code /usr/lib/postgresql/<version>/bin/pgbench}, else {@code pgbench} on the PATH — {@code deploy/bench.sh intake}
 * installs Debian's when there is none), pgbench-scale (10), pgbench-clients (8), pgbench-threads (2),
 * pgbench-duration (30 s each).
 */
public final class IntakeBenchmark {

	private static final String APPLICATIONS = "/api/elorda/v1/applications";
	private static final String EDITIONS = "/api/elorda/v1/editions";
	private static final String SUBMISSION_URI = "/api/elorda/v1/applications/{id}/submission";
	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	/** The benchmark's citizens are the {@code n}-th IINs of {@link Api#iin} from here on: the same on every run. */
	private static final int FIRST_CITIZEN = 800_000;
	/** A citizen's token is renewed (a new login) when older than this: access tokens live 5 minutes. */
	private static final Duration TOKEN_MAX_AGE = Duration.ofMinutes(2);
	/** The benchmark edition's package: two documents of the applicant, one without and one with an age limit. */
	static final List<String> DOCUMENTS = List.of("CIVIL_STATUS_CERTIFICATE", "INCOME_CERTIFICATE");
	/** The standard terms (elorda-application-service's {@code editions/standard-terms.json}) with {@link #DOCUMENTS}. */
	private static final String TERMS = """
			{"minLoan":1000000,"maxLoan":18000000,"ratePercent":5.0,"maxTermYears":25,"minDownPaymentPercent":10,\
			"subsistenceMinimum":50851,"incomeMultiple":6,"ageLimit":35,\
			"categories":["HEALTHCARE","EDUCATION","CULTURE","SPORT","SOCIAL_PROTECTION","UNIVERSITIES_AND_RESEARCH",\
			"MEDIA","MUNICIPAL_ENTERPRISES","POLICE","EMERGENCY","ORPHANS"],"quotas":{},\
			"documents":[\
			{"type":"CIVIL_STATUS_CERTIFICATE","holder":"APPLICANT","when":"ALWAYS","categories":[],"maxAgeDays":null},\
			{"type":"INCOME_CERTIFICATE","holder":"APPLICANT","when":"ALWAYS","categories":[],"maxAgeDays":10}]}""";
	private static final List<String> COMPONENTS = List.of("gateway", "elorda-application", "postgres", "kafka",
			"scoring", "notification", "identity", "keycloak", "cabinet", "bench JVM");
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern CONTENT = Pattern.compile("\"content\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
	private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

	private IntakeBenchmark() {
	}

	/** A benchmark citizen and their current token. */
	static final class Citizen {

		final String iin;
		final String account;
		final String name;
		@Nullable String token;
		Instant tokenAt = Instant.EPOCH;

		Citizen(int n) {
			this.iin = Api.iin(FIRST_CITIZEN + n);
			this.account = "11%010d".formatted(700_000_000L + n);
			this.name = "Заявитель Бенчмарк %d".formatted(n + 1);
		}

		synchronized String token(Api api) {
			if (token == null || Duration.between(tokenAt, Instant.now()).compareTo(TOKEN_MAX_AGE) > 0) {
				tokenAt = Instant.now();
				token = api.citizenToken(iin, account);
			}
			return token;
		}
	}

	/** What the elorda service, its database and the suite's processes counted, at one moment. */
	private record Probe(Map<String, Long> cpuMillis, double[] submissionTimer, double[] connectionAcquire,
			long commits, long rollbacks, long machineBusy, long machineAll) {
	}

	/** One concurrency's rounds together. */
	private record Level(int concurrency, int rounds, long submissions, long errors, double seconds,
			Histogram latency, Map<String, Long> errorsByKind, String firstError, long answered, long sent,
			Map<String, Long> cpuMillis, double serverSeconds, long serverCount, double acquireSeconds,
			long acquireCount, long commits, long rollbacks, double machineBusy, List<String> setups) {

		double throughput() {
			return submissions / seconds;
		}

		double millis(double percentile) {
			return latency.getValueAtPercentile(percentile) / 1000.0;
		}
	}

	public static void main(String[] args) throws Exception {
		RunLocal.quietClientLogging();
		Map<String, String> options = CabinetBenchmark.options(args);
		Path repo = CabinetBenchmark.locateRepo();
		Path dataDir = Path.of(options.getOrDefault("data-dir", repo.resolve(".local-bench-intake").toString()))
			.toAbsolutePath();
		int citizenCount = Integer.parseInt(options.getOrDefault("citizens", "1000"));
		List<Integer> concurrencies = Stream.of(options.getOrDefault("concurrency", "1,4,16").split(","))
			.map(String::trim)
			.map(Integer::parseInt)
			.toList();
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
		Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
		int setupParallel = Integer.parseInt(options.getOrDefault("setup-parallel", "4"));
		Path pgbench = pgbench(options.get("pgbench"));
		Map<String, Map<String, String>> environment = options.containsKey("elorda-java-options")
				? Map.of("elorda-application", Map.of("JAVA_TOOL_OPTIONS", options.get("elorda-java-options")))
				: Map.of();

		var report = new StringBuilder("# Intake benchmark — %s%n%n".formatted(
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
		report.append("Machine: %d cores, %s %s, JDK %s, load average at the start %s (other work on the machine "
				.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
						System.getProperty("os.arch"), System.getProperty("java.version"), Machine.loadAverage()))
			.append("shows there). Suite started by LocalSuite (the services' default JVM flags: SerialGC, 256 MB "
					+ "heap, C1 only but for the gateway and elorda-application-service); Keycloak in dev mode; the NCA's OCSP "
					+ "responder is the launcher's simulator, in this JVM with the load generator and the SMS "
					+ "simulator. Closed loop, virtual-thread clients, "
					+ "HTTP/1.1 through the gateway; %d s warm-up, then %d s measured per concurrency. ".formatted(
							warmUp.toSeconds(), measured.toSeconds()))
			.append(environment.isEmpty() ? "\n\n" : "Changed for the run: %s.\n\n".formatted(environment));
		Files.createDirectories(dataDir);
		log("Starting the suite on %s ...".formatted(dataDir));
		Instant runStart = Instant.now();
		try (SuiteHandle suite = SuiteHandle.start(repo, dataDir, environment)) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
			report.append("PostgreSQL: %s.\n\n".formatted(settings(suite)));
			Map<TopicPartition, Long> topicStart = endOffsets(suite.kafkaBootstrap());

			List<Citizen> citizens = citizens(api, citizenCount, setupParallel);
			var editions = new ArrayList<String>();
			var levels = new ArrayList<Level>();
			var loop = new ClosedLoop(http, suite.gatewayUrl());
			for (int concurrency : concurrencies) {
				levels.add(measure(api, suite, loop, citizens, editions, concurrency, warmUp, measured,
						setupParallel));
			}
			report.append(submissions(levels, citizens.size()));
			report.append(events(suite, editions, runStart, topicStart,
					levels.stream().mapToLong(Level::answered).sum()));
			String ocsp = ocspAlone(http, suite.demoCa(), citizens.getFirst().iin);
			List<String[]> pgbenchRuns = pgbenchRuns(suite, pgbench, dataDir, options);
			report.append(baseline(pgbench, pgbenchRuns, levels, options));
			report.append(whereTheTimeGoes(levels, ocsp));
		}
		Path out = repo.resolve("deploy/target/bench/intake-%s.md"
			.formatted(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now())));
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println();
		System.out.println(report);
		log("Written " + out);
		// the SMS simulator's delivery receipts run on WireMock's webhook pool: non-daemon threads its stop() leaves
		System.exit(0);
	}

	/** The citizens in Keycloak (made once per data dir; each later run finds them) and the demo CA's keys. */
	static List<Citizen> citizens(Api api, int count, int parallel) throws Exception {
		log("Making %d citizens in Keycloak ...".formatted(count));
		Instant begin = Instant.now();
		var citizens = new ArrayList<Citizen>();
		for (int n = 0; n < count; n++) {
			citizens.add(new Citizen(n));
		}
		// the master realm's admin token lives a minute: a new one for each batch
		for (int from = 0; from < count; from += 25) { // 25 users take well under a minute on a busy Keycloak
			String admin = api.adminToken();
			List<Citizen> batch = citizens.subList(from, Math.min(count, from + 25));
			parallel(parallel, batch, citizen -> {
				api.ensureCitizen(admin, citizen.iin, citizen.account);
				return null;
			});
		}
		log("... in %d s".formatted(Duration.between(begin, Instant.now()).toSeconds()));
		return citizens;
	}

	/**
	 * Rounds at one concurrency until its warm-up and measured time are spent: each round a new edition, a draft per
	 * citizen ready to submit, and the closed loop over them.
	 */
	private static Level measure(Api api, SuiteHandle suite, ClosedLoop loop, List<Citizen> citizens,
			List<String> editions, int concurrency, Duration warmUp, Duration measured, int setupParallel)
			throws Exception {
		long warmUpLeft = warmUp.toNanos();
		long measuredNanos = 0;
		var latency = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
		var errorsByKind = new TreeMap<String, Long>();
		var cpu = new TreeMap<String, Long>();
		var setups = new ArrayList<String>();
		String firstError = "";
		long submissions = 0;
		long errors = 0;
		long answered = 0;
		long sentAll = 0;
		double serverSeconds = 0;
		long serverCount = 0;
		double acquireSeconds = 0;
		long acquireCount = 0;
		long commits = 0;
		long rollbacks = 0;
		long busy = 0;
		long all = 0;
		int rounds = 0;
		while (measuredNanos < measured.toNanos()) {
			rounds++;
			Instant setupBegin = Instant.now();
			String edition = openEdition(api, editions);
			log("Concurrency %d, round %d: edition %s; %d drafts to prepare ...".formatted(concurrency, rounds,
					edition, citizens.size()));
			List<HttpRequest> drafts = prepare(api, suite, citizens, setupParallel).stream()
				.map(draft -> draft.submission(suite.gatewayUrl()))
				.toList();
			String setup = "round %d: %d drafts ready in %.0f s".formatted(rounds, drafts.size(),
					Duration.between(setupBegin, Instant.now()).toMillis() / 1000.0);
			setups.add(setup);
			log("  " + setup + "; submitting ...");
			var next = new AtomicInteger();
			Probe before = probe(suite);
			long start = System.nanoTime();
			long measureFrom = start + warmUpLeft;
			ClosedLoop.Result result = loop.drain("submission", () -> {
				int i = next.getAndIncrement();
				return i < drafts.size() ? drafts.get(i) : null;
			}, 200, concurrency, measureFrom, measureFrom + measured.toNanos() - measuredNanos);
			long took = System.nanoTime() - start;
			Probe after = probe(suite);
			warmUpLeft = Math.max(0, warmUpLeft - took);
			measuredNanos += (long) (result.seconds() * 1e9);
			latency.add(result.latency());
			result.errorsByKind().forEach((kind, n) -> errorsByKind.merge(kind, n, Long::sum));
			if (firstError.isEmpty()) {
				firstError = result.firstError();
			}
			submissions += result.requests();
			errors += result.errors();
			long sent = Math.min(next.get(), drafts.size());
			answered += result.allOk();
			after.cpuMillis().forEach((component, millis) -> cpu.merge(component,
					millis - before.cpuMillis().getOrDefault(component, 0L), Long::sum));
			sentAll += sent;
			serverSeconds += after.submissionTimer()[0] - before.submissionTimer()[0];
			serverCount += (long) (after.submissionTimer()[1] - before.submissionTimer()[1]);
			acquireSeconds += after.connectionAcquire()[0] - before.connectionAcquire()[0];
			acquireCount += (long) (after.connectionAcquire()[1] - before.connectionAcquire()[1]);
			commits += after.commits() - before.commits();
			rollbacks += after.rollbacks() - before.rollbacks();
			busy += after.machineBusy() - before.machineBusy();
			all += after.machineAll() - before.machineAll();
			log("  %d sent, %d measured in %.1f s: %.1f submissions/s, p50 %.1f ms, p99 %.1f ms, %d errors%s".formatted(
					sent, result.requests(), result.seconds(), result.seconds() > 0 ? result.throughput() : 0,
					result.millis(50), result.millis(99), result.errors(),
					result.firstError().isEmpty() ? "" : "; first: " + result.firstError()));
			if (result.allOk() == 0) {
				throw new IllegalStateException("no submission succeeded: " + result.firstError());
			}
		}
		return new Level(concurrency, rounds, submissions, errors, measuredNanos / 1e9, latency, errorsByKind,
				firstError, answered, sentAll, cpu, serverSeconds, serverCount, acquireSeconds, acquireCount, commits, rollbacks,
				all == 0 ? 0 : (double) busy / all, setups);
	}

	/**
	 * The akimat's officer closes the edition open now (the launcher's demo edition, or the last round's) and opens
	 * the next, from now for a day, with the benchmark's terms.
	 */
	static String openEdition(Api api, List<String> editions) {
		String token = api.akimatToken();
		HttpResponse<String> current = api.get(EDITIONS + "/current", token);
		if (current.statusCode() == 200) {
			String open = Api.first(ID, current.body(), "edition id");
			Api.expect(api.post(EDITIONS + "/" + open + "/closure", token,
					"{\"reason\":\"Нагрузочный тест: следующий раунд\"}"), 200, "closure of " + open);
		}
		Instant now = Instant.now();
		String id = "bench-%s-%d".formatted(Long.toString(now.getEpochSecond(), 36), editions.size() + 1);
		Api.expect(api.post(EDITIONS, token, """
				{"id":"%s","name":"Benchmark %s","opensAt":"%s","closesAt":"%s","terms":%s}""".formatted(id, id, now,
				now.plus(Duration.ofDays(1)), TERMS)), 201, "edition " + id);
		editions.add(id);
		return id;
	}

	/** A draft with its documents, signed by its applicant: what the submission sends, with the applicant's token. */
	record Draft(String id, String token, String signature) {

		/** The submission request to {@code baseUrl} (the gateway, or the service itself). */
		HttpRequest submission(String baseUrl) {
			return HttpRequest.newBuilder(URI.create(baseUrl + APPLICATIONS + "/" + id + "/submission"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString("{\"signature\":\"%s\"}".formatted(signature)))
				.build();
		}
	}

	/** Each citizen's draft in the open edition with its documents, signed, ready to submit. */
	static List<Draft> prepare(Api api, SuiteHandle suite, List<Citizen> citizens, int parallel)
			throws Exception {
		DemoCa ca = suite.demoCa();
		LocalDate today = LocalDate.now(ALMATY);
		return parallel(parallel, citizens, citizen -> {
			String token = citizen.token(api);
			HttpResponse<String> draft = api.post(APPLICATIONS, token, Api.HEALTHCARE_FORM.formatted(citizen.name));
			Api.expect(draft, 201, "draft of " + citizen.iin);
			String id = Api.first(ID, draft.body(), "application id");
			for (String type : DOCUMENTS) {
				Api.expect(api.upload(token, id, type, citizen.iin, today), 201, type + " of " + citizen.iin);
			}
			HttpResponse<String> toSign = api.get(APPLICATIONS + "/" + id + "/signing-content", token);
			Api.expect(toSign, 200, "signing content of " + id);
			byte[] content = Base64.getDecoder().decode(Api.first(CONTENT, toSign.body(), "content"));
			return new Draft(id, token, Base64.getEncoder().encodeToString(ca.sign(citizen.iin, content)));
		});
	}

	private interface Step<T, R> {

		R apply(T item) throws Exception;
	}

	/** Applies {@code step} to every item, {@code parallel} at a time, in their order; the first failure fails all. */
	private static <T, R> List<R> parallel(int parallel, List<T> items, Step<T, R> step) throws Exception {
		try (ExecutorService executor = Executors.newFixedThreadPool(parallel)) {
			var futures = new ArrayList<Future<R>>();
			for (T item : items) {
				futures.add(executor.submit(() -> step.apply(item)));
			}
			var results = new ArrayList<R>();
			try {
				for (Future<R> future : futures) {
					results.add(future.get());
				}
			} catch (Exception e) {
				executor.shutdownNow(); // fail fast instead of waiting for every other item's timeouts
				throw e;
			}
			return results;
		}
	}

	private static Probe probe(SuiteHandle suite) {
		Map<String, Long> cpu = new HashMap<>(suite.cpuMillis());
		cpu.put("bench JVM", ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L));
		String metrics = metrics(suite.elordaUrl());
		long[] machine = Machine.ticks();
		long[] transactions = transactions(suite);
		return new Probe(cpu, timer(metrics, "http_server_requests_seconds", "uri=\"" + SUBMISSION_URI + "\""),
				timer(metrics, "hikaricp_connections_acquire_seconds", ""), transactions[0], transactions[1],
				machine[0], machine[1]);
	}

	/** elorda-application-service's Prometheus page. */
	private static String metrics(String elorda) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(elorda + "/actuator/prometheus")).timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		} catch (IOException e) {
			return "";
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/** The sum (seconds) and count of a timer over the series whose labels contain {@code label}. */
	private static double[] timer(String metrics, String name, String label) {
		double sum = 0;
		double count = 0;
		for (String line : metrics.split("\n")) {
			if (line.startsWith(name + "_sum{") && line.contains(label)) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			} else if (line.startsWith(name + "_count{") && line.contains(label)) {
				count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return new double[] { sum, count };
	}

	/** Commits and rollbacks of elorda's database so far ({@code pg_stat_database}). */
	private static long[] transactions(SuiteHandle suite) {
		try (Connection connection = elorda(suite);
				var statement = connection.createStatement();
				var rs = statement.executeQuery(
						"select xact_commit, xact_rollback from pg_stat_database where datname = 'elorda'")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2) };
		} catch (SQLException e) {
			return new long[] { 0, 0 };
		}
	}

	private static Connection elorda(SuiteHandle suite) throws SQLException {
		return DriverManager.getConnection(suite.jdbcUrl("elorda"), "elorda", "elorda");
	}

	private static String submissions(List<Level> levels, int citizens) {
		var out = new StringBuilder("## Submissions (`POST /api/elorda/v1/applications/{id}/submission`)\n\n");
		out.append(("%d citizens, each with one draft per round (a new edition each round: DOMAIN E2); the drafts, their "
				+ "%d documents, the signing content and the signature are made before each round's loop, which then "
				+ "submits each draft once. Every answer must be 200. Latencies in ms; submissions/s over the measured "
				+ "time of the rounds together (a round's time ends with its last answer).%n%n").formatted(citizens,
						DOCUMENTS.size()));
		out.append("| Concurrency | Rounds | Submissions | Errors | submissions/s | p50 | p95 | p99 | max | errors by status |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (Level level : levels) {
			out.append("| %d | %d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n".formatted(level.concurrency(),
					level.rounds(), level.submissions(), level.errors(), level.throughput(), level.millis(50),
					level.millis(95), level.millis(99), level.latency().getMaxValue() / 1000.0,
					level.errorsByKind().isEmpty() ? "none" : level.errorsByKind().toString()));
			if (!level.firstError().isEmpty()) {
				out.append("| ↳ first error: %s |%n".formatted(level.firstError().replace('|', '/').replace('\n', ' ')));
			}
		}
		out.append('\n');
		for (Level level : levels) {
			out.append("Setup at concurrency %d: %s.%n".formatted(level.concurrency(), String.join("; ",
					level.setups())));
		}
		out.append('\n');
		return out.toString();
	}

	/**
	 * Waits until the registry completed every {@code ApplicationSubmitted} publication of the run (sent to Kafka and
	 * acknowledged), then counts what the database and the topic hold of the run.
	 */
	private static String events(SuiteHandle suite, List<String> editions, Instant runStart,
			Map<TopicPartition, Long> topicStart, long answered) throws Exception {
		log("Waiting for the events of the run to be published ...");
		String type = ApplicationSubmitted.class.getName();
		long[] publications = { 0, 0 };
		Instant waitBegin = Instant.now();
		Instant deadline = waitBegin.plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			try (Connection connection = elorda(suite); var statement = connection.prepareStatement("""
					select count(*), count(completion_date) from event_publication
					where event_type = ? and publication_date >= ?""")) {
				statement.setString(1, type);
				statement.setTimestamp(2, Timestamp.from(runStart));
				try (var rs = statement.executeQuery()) {
					rs.next();
					publications = new long[] { rs.getLong(1), rs.getLong(2) };
				}
			}
			if (publications[0] == publications[1]) {
				break;
			}
			Thread.sleep(500); // a benchmark's poll, not a test's wait
		}
		double waited = Duration.between(waitBegin, Instant.now()).toMillis() / 1000.0;
		Set<String> submitted = new HashSet<>();
		long signatures;
		long withoutPublication;
		try (Connection connection = elorda(suite)) {
			var editionIds = connection.createArrayOf("text", editions.toArray());
			try (var statement = connection.prepareStatement(
					"select id from application where edition_id = any(?) and status = 'SUBMITTED'")) {
				statement.setArray(1, editionIds);
				try (var rs = statement.executeQuery()) {
					while (rs.next()) {
						submitted.add(rs.getString(1));
					}
				}
			}
			try (var statement = connection.prepareStatement("""
					select count(*) from application_signature s join application a on a.id = s.application_id
					where a.edition_id = any(?)""")) {
				statement.setArray(1, editionIds);
				try (var rs = statement.executeQuery()) {
					rs.next();
					signatures = rs.getLong(1);
				}
			}
			try (var statement = connection.prepareStatement("""
					select count(*) from application a
					where a.edition_id = any(?) and a.status = 'SUBMITTED' and not exists (
					    select 1 from event_publication p
					    where p.event_type = ? and (p.serialized_event::jsonb ->> 'applicationId')::uuid = a.id)""")) {
				statement.setArray(1, editionIds);
				statement.setString(2, type);
				try (var rs = statement.executeQuery()) {
					rs.next();
					withoutPublication = rs.getLong(1);
				}
			}
		}
		log("Reading the run's records of %s ...".formatted(ApplicationSubmitted.TOPIC));
		var keys = new HashSet<String>();
		var eventIds = new HashSet<String>();
		long records = records(suite.kafkaBootstrap(), topicStart, record -> {
			if (record.key() != null) {
				keys.add(record.key());
			}
			Header eventId = record.headers().lastHeader("eventId");
			if (eventId != null) {
				eventIds.add(new String(eventId.value(), StandardCharsets.UTF_8));
			}
		});
		var missing = new HashSet<>(submitted);
		missing.removeAll(keys);
		var stray = new HashSet<>(keys);
		stray.removeAll(submitted);

		var out = new StringBuilder("## Events\n\n");
		out.append("After the loops, the benchmark waited %.1f s for the registry to complete every publication of the "
				.formatted(waited) + "run%s.%n%n".formatted(publications[0] == publications[1] ? ""
						: " — **it had not after 3 minutes**"));
		out.append("| What | Count |\n|---|---:|\n");
		out.append("| 200 answers to submissions (warm-up included) | %,d |%n".formatted(answered));
		out.append("| applications `SUBMITTED` in the run's %d editions (elorda's database) | %,d |%n".formatted(
				editions.size(), submitted.size()));
		out.append("| their signatures kept (`application_signature`) | %,d |%n".formatted(signatures));
		out.append("| `ApplicationSubmitted` publications of the run (`event_publication`) | %,d |%n".formatted(
				publications[0]));
		out.append("| … completed (sent to Kafka and acknowledged) | %,d |%n".formatted(publications[1]));
		out.append("| submitted applications without a publication | %,d |%n".formatted(withoutPublication));
		out.append("| records on `%s` since the start | %,d |%n".formatted(ApplicationSubmitted.TOPIC, records));
		out.append("| … distinct event ids | %,d |%n".formatted(eventIds.size()));
		out.append("| submitted applications of the run with no record on the topic | %,d |%n".formatted(missing.size()));
		out.append("| records about applications not submitted in the run | %,d |%n"
			.formatted(stray.size()));
		out.append('\n');
		boolean consistent = answered == submitted.size() && signatures == submitted.size()
				&& withoutPublication == 0 && publications[0] == publications[1] && missing.isEmpty();
		out.append(consistent
				? "Every 200 is a committed submission with its signature and its event, and every event reached Kafka.\n\n"
				: "**The counts disagree**: see the table.\n\n");
		return out.toString();
	}

	private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false), new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** The end offset of each partition of the submissions' topic (none when it does not exist yet). */
	private static Map<TopicPartition, Long> endOffsets(String bootstrap) {
		try (var consumer = consumer(bootstrap)) {
			var partitions = consumer.partitionsFor(ApplicationSubmitted.TOPIC, Duration.ofSeconds(30))
				.stream()
				.map(info -> new TopicPartition(ApplicationSubmitted.TOPIC, info.partition()))
				.toList();
			return partitions.isEmpty() ? Map.of() : consumer.endOffsets(partitions, Duration.ofSeconds(30));
		}
	}

	/** Reads the topic from the given offsets to its end now; the number of records read. */
	private static long records(String bootstrap, Map<TopicPartition, Long> from,
			java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
		Map<TopicPartition, Long> to = endOffsets(bootstrap);
		long read = 0;
		try (var consumer = consumer(bootstrap)) {
			consumer.assign(to.keySet());
			to.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
			Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
			while (Instant.now().isBefore(deadline)
					&& to.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
					if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
						each.accept(record);
						read++;
					}
				}
			}
		}
		return read;
	}

	/**
	 * The OCSP exchange alone, one at a time, as elorda-application-service makes it (a request with a nonce for a
	 * citizen's certificate, to the simulator the certificate names): p50 and p99 of 500 after 100 to warm up.
	 */
	private static String ocspAlone(HttpClient http, DemoCa ca, String iin) throws Exception {
		var certificate = new JcaX509CertificateHolder(ca.certificate(iin));
		var id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
				new JcaX509CertificateHolder(ca.intermediate()), certificate.getSerialNumber());
		var histogram = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
		long cpuBefore = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
		int failures = 0;
		for (int i = 0; i < 600; i++) {
			byte[] nonce = new BigInteger(128, java.util.concurrent.ThreadLocalRandom.current()).toByteArray();
			byte[] request = new OCSPReqBuilder().addRequest(id)
				.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
						new DEROctetString(nonce).getEncoded())))
				.build()
				.getEncoded();
			long sent = System.nanoTime();
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(ca.ocspUrl())
				.header("Content-Type", "application/ocsp-request")
				.POST(HttpRequest.BodyPublishers.ofByteArray(request))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				failures++;
			} else if (i >= 100) {
				histogram.recordValue((System.nanoTime() - sent) / 1000);
			}
		}
		long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L) - cpuBefore;
		return ("The OCSP exchange alone, one at a time from this JVM to the simulator with the suite idle (500 after 100 "
				+ "to warm up): p50 %.2f ms, p99 %.2f ms; %.2f ms of CPU per exchange in this JVM (client and "
				+ "responder, which signs each answer with the intermediate's RSA key)%s.").formatted(
						histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
						cpu / 600.0, failures == 0 ? "" : "; %d failed".formatted(failures));
	}

	/** pgbench on its own database of the suite's PostgreSQL: initialised, then TPC-B-like and the simple update. */
	static List<String[]> pgbenchRuns(SuiteHandle suite, Path pgbench, Path dataDir,
			Map<String, String> options) throws Exception {
		String scale = options.getOrDefault("pgbench-scale", "10");
		String clients = options.getOrDefault("pgbench-clients", "8");
		String threads = options.getOrDefault("pgbench-threads", "2");
		String seconds = options.getOrDefault("pgbench-duration", "30");
		try (Connection connection = DriverManager.getConnection(
				"jdbc:postgresql://127.0.0.1:%d/postgres".formatted(suite.postgresPort()), "postgres", "");
				var statement = connection.createStatement()) {
			try (var rs = statement.executeQuery("select 1 from pg_database where datname = 'pgbench'")) {
				if (!rs.next()) {
					statement.execute("create database pgbench");
				}
			}
		}
		List<String> connect = List.of("-h", "127.0.0.1", "-p", String.valueOf(suite.postgresPort()), "-U",
				"postgres");
		Path log = dataDir.resolve("pgbench.log");
		Files.deleteIfExists(log);
		log("pgbench: initialising scale %s ...".formatted(scale));
		run(log, Stream.of(List.of(pgbench.toString(), "-i", "-q", "-s", scale), connect, List.of("pgbench"))
			.flatMap(List::stream).toList());
		var runs = new ArrayList<String[]>();
		for (String[] mode : new String[][] { { "TPC-B-like (default script)" }, { "simple update (`-N`)", "-N" } }) {
			log("pgbench: %s, %s clients, %s s ...".formatted(mode[0], clients, seconds));
			var command = new ArrayList<>(List.of(pgbench.toString(), "-c", clients, "-j", threads, "-T", seconds));
			if (mode.length > 1) {
				command.add(mode[1]);
			}
			command.addAll(connect);
			command.add("pgbench");
			String output = run(log, command);
			Matcher tps = TPS.matcher(output);
			Matcher latency = LATENCY.matcher(output);
			runs.add(new String[] { mode[0], String.join(" ", command.subList(1, command.size())),
					tps.find() ? tps.group(1) : "", latency.find() ? latency.group(1) : "" });
			log("  tps %s".formatted(runs.getLast()[2]));
		}
		return runs;
	}

	/** Runs a command, its output appended to {@code log}; the output, or a failure with its last lines. */
	private static String run(Path log, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		Files.writeString(log, "$ " + String.join(" ", command) + "\n" + output, StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		if (exit != 0) {
			throw new IllegalStateException("%s failed (%d): %s".formatted(command.getFirst(), exit, output));
		}
		return output;
	}

	private static String baseline(Path pgbench, List<String[]> runs, List<Level> levels,
			Map<String, String> options) throws IOException, InterruptedException {
		var out = new StringBuilder("## Beside PostgreSQL's own commit rate (pgbench)\n\n");
		out.append(("`%s` on the suite's PostgreSQL (database `pgbench`, scale %s), after the submissions, with the suite "
				+ "idle; each transaction one commit. Ratio: submissions/s ÷ pgbench tps.%n%n").formatted(
						pgbenchVersion(pgbench), options.getOrDefault("pgbench-scale", "10")));
		out.append("| pgbench | tps | latency avg ms |");
		levels.forEach(level -> out.append(" submissions/s ÷ tps (concurrency %d) |".formatted(level.concurrency())));
		out.append("\n|---|---:|---:|");
		levels.forEach(level -> out.append("---:|"));
		out.append('\n');
		for (String[] run : runs) {
			double tps = run[2].isEmpty() ? 0 : Double.parseDouble(run[2]);
			out.append("| %s: `pgbench %s` | %s | %s |".formatted(run[0], run[1].replaceAll(" -h .*", ""), run[2],
					run[3]));
			levels.forEach(level -> out.append(" %s |".formatted(tps > 0 ? "%.3f".formatted(level.throughput() / tps)
					: "–")));
			out.append('\n');
		}
		out.append('\n');
		return out.toString();
	}

	private static String whereTheTimeGoes(List<Level> levels, String ocsp) {
		var out = new StringBuilder("## Where the time goes\n\n");
		out.append("CPU per submission in ms (each component's processes and their children, over the rounds' loops, "
				+ "warm-up included, ÷ the submissions sent in them; the consumers of the events — scoring, "
				+ "notification, elorda's timeline — partly catch up after a loop, so their share is a lower bound), "
				+ "the suite's CPU in cores and how busy the machine was:\n\n");
		out.append("| Concurrency |");
		COMPONENTS.forEach(component -> out.append(" %s |".formatted(component)));
		out.append(" all | machine busy |\n|---:|");
		COMPONENTS.forEach(component -> out.append("---:|"));
		out.append("---:|---:|\n");
		for (Level level : levels) {
			double sent = Math.max(1, level.sent());
			out.append("| %d |".formatted(level.concurrency()));
			double total = level.cpuMillis().values().stream().mapToLong(Long::longValue).sum() / sent;
			COMPONENTS.forEach(component -> out.append(" %.1f |".formatted(
					level.cpuMillis().getOrDefault(component, 0L) / sent)));
			out.append(" %.1f | %.0f %% |%n".formatted(total, 100 * level.machineBusy()));
		}
		out.append('\n');
		out.append("Inside elorda-application-service (its metrics and its database's statistics over the same loops):\n\n");
		out.append("| Concurrency | client latency, mean ms | elorda's own time per submission, mean ms "
				+ "(`http.server.requests`) | waiting for a database connection, mean ms per acquisition | "
				+ "acquisitions per submission | elorda database commits per submission | rollbacks |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Level level : levels) {
			double sent = Math.max(1, level.sent());
			out.append("| %d | %.1f | %.1f | %.2f | %.1f | %.1f | %,d |%n".formatted(level.concurrency(),
					level.latency().getMean() / 1000.0,
					level.serverCount() == 0 ? 0 : 1000 * level.serverSeconds() / level.serverCount(),
					level.acquireCount() == 0 ? 0 : 1000 * level.acquireSeconds() / level.acquireCount(),
					level.acquireCount() / sent, level.commits() / sent, level.rollbacks()));
		}
		out.append('\n').append(ocsp).append("\n\n");
		return out.toString();
	}

	/** The settings of the suite's PostgreSQL that decide a commit's cost. */
	private static String settings(SuiteHandle suite) throws SQLException {
		var values = new LinkedHashMap<String, String>();
		try (Connection connection = elorda(suite); var statement = connection.createStatement()) {
			for (String setting : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method",
					"shared_buffers", "max_connections")) {
				try (var rs = statement.executeQuery("show " + setting)) {
					rs.next();
					values.put(setting, rs.getString(1));
				}
			}
		}
		return values.entrySet().stream().map(e -> "`%s` %s".formatted(e.getKey(), e.getValue()))
			.reduce((a, b) -> a + ", " + b).orElse("");
	}

	/**
	 * The pgbench to run: the given path, else the newest of Debian's PostgreSQL packages
	 * ({@code /usr/lib/postgresql/<version>/bin/pgbench}), else one on the PATH.
	 */
	static Path pgbench(@Nullable String configured) throws IOException {
		if (configured != null) {
			return Path.of(configured);
		}
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				var newest = versions.map(version -> version.resolve("bin/pgbench"))
					.filter(Files::isExecutable)
					.max(Comparator.comparingInt(path -> majorVersion(path.getParent().getParent())));
				if (newest.isPresent()) {
					return newest.get();
				}
			}
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(dir, "pgbench");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no pgbench: deploy/bench.sh intake installs Debian's (postgresql), "
				+ "or give --pgbench=<path>");
	}

	private static int majorVersion(Path versionDir) {
		try {
			return Integer.parseInt(versionDir.getFileName().toString());
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	static String pgbenchVersion(Path pgbench) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(pgbench.toString(), "--version").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		process.waitFor();
		return output;
	}


	private static void log(String message) {
		CabinetBenchmark.log(message);
	}
}
