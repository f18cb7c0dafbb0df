package kz.khc.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import kz.khc.deploy.RunLocal;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The notification benchmark of issue 4, on the whole local suite (real PostgreSQL, Kafka and Keycloak; the SMS
 * provider simulator and the SMTP server of the local run):
 * <ol>
 * <li><b>sustained messages per second</b>: {@code --people} persons become known (their {@code UserRegistered} and
 * {@code EmailVerified} events), then a burst of {@code --events} {@code ApplicationVerified} events — each one SMS and
 * one email — is published at once; the benchmark measures how fast notification-service consumes them and how fast
 * the queue drains to the providers, and the queue latency of the messages (created → sent) from its own log;
 * <li><b>the one-time-code path</b>: a closed loop on {@code POST /internal/notifications/v1/one-time-codes} (a
 * service token of {@code identity-service}), beside a baseline in the same run: the same SMS request sent straight
 * to the provider simulator, at the same concurrency — the ratio is the cost of going through the service.
 * </ol>
 * Writes {@code deploy/target/bench/notifications-<timestamp>.md} and stdout. Arguments ({@code --name=value}):
 * data-dir ({@code <repo>/.local-bench-notifications}), people (200), events (3000), concurrency (1,8), warmup (5 s),
 * duration (20 s).
 */
public final class NotificationBenchmark {

	private static final String IDENTITY_CLIENT = "identity-service";
	/** The local demo secret of realm-elorda.json. */
	private static final String IDENTITY_SECRET = "identity-service-local-demo-secret";
	private static final String SMS_API_KEY = "sms-local-demo-key";
	private static final String CODES = "/internal/notifications/v1/one-time-codes";

	private NotificationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		RunLocal.quietClientLogging();
		Map<String, String> options = CabinetBenchmark.options(args);
		Path repo = CabinetBenchmark.locateRepo();
		Path dataDir = Path.of(options.getOrDefault("data-dir", repo.resolve(".local-bench-notifications").toString()))
			.toAbsolutePath();
		int people = Integer.parseInt(options.getOrDefault("people", "200"));
		int events = Integer.parseInt(options.getOrDefault("events", "3000"));
		List<Integer> concurrencies = new ArrayList<>();
		for (String c : options.getOrDefault("concurrency", "1,8").split(",")) {
			concurrencies.add(Integer.parseInt(c.trim()));
		}
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
		Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));

		var report = new StringBuilder("# Notification benchmark — %s%n%n".formatted(
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
		report.append("Machine: %d cores, %s %s, JDK %s. Suite started by LocalSuite (the services' default JVM flags); "
				.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
						System.getProperty("os.arch"), System.getProperty("java.version")))
			.append("SMS provider: the local run's WireMock simulator (in the launcher's JVM, answers at once); "
					+ "SMTP: GreenMail (same JVM).\n\n");
		Files.createDirectories(dataDir);
		log("Starting the suite on %s ...".formatted(dataDir));
		try (SuiteHandle suite = SuiteHandle.start(repo, dataDir)) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
			String jdbc = suite.jdbcUrl("notification");
			try (var producer = producer(suite.kafkaBootstrap())) {
				report.append(throughput(producer, jdbc, people, events));
			}
			report.append(oneTimeCodes(api, http, suite, concurrencies, warmUp, measured));
		}
		Path out = repo.resolve("deploy/target/bench/notifications-%s.md"
			.formatted(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now())));
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println();
		System.out.println(report);
		log("Written " + out);
	}

	private static String throughput(KafkaProducer<String, byte[]> producer, String jdbc, int people, int events)
			throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		log("Making %d people known (UserRegistered, EmailVerified) ...".formatted(people));
		List<String> persons = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			String person = "bench-" + run + "-" + i;
			persons.add(person);
			String mobile = "+7701%07d".formatted(i);
			String language = List.of("ru", "kk", "en").get(i % 3);
			send(producer, "identity.user-registered.v1", person, """
					{"eventId":"%s","occurredAt":"%s","userId":"%s","iin":"651106450323","accountNumber":"110000101182",\
					"userType":"CLIENT","mobile":"%s","language":"%s","registeredAt":"%s"}"""
				.formatted(UUID.randomUUID(), Instant.now(), person, mobile, language, Instant.now()));
			send(producer, "identity.email-verified.v1", person, """
					{"eventId":"%s","occurredAt":"%s","userId":"%s","accountNumber":"110000101182",\
					"email":"%s@bench.example","verifiedAt":"%s"}"""
				.formatted(UUID.randomUUID(), Instant.now(), person, person, Instant.now()));
		}
		producer.flush();
		waitFor(jdbc, "select count(*) from contact where person_id like 'bench-" + run + "-%' and email_verified",
				people, Duration.ofMinutes(2));

		log("Publishing %d ApplicationVerified events at once ...".formatted(events));
		Instant start = Instant.now();
		for (int i = 0; i < events; i++) {
			String application = UUID.randomUUID().toString();
			send(producer, "elorda.application-verified.v1", application, """
					{"eventId":"%s","occurredAt":"%s","applicationId":"%s","applicationNumber":"EZ-2026-%06d",\
					"applicantId":"%s","category":"EDUCATION","points":%d,"verifiedAt":"%s"}"""
				.formatted(UUID.randomUUID(), Instant.now(), application, i, persons.get(i % people), 5 + i % 20,
						Instant.now()));
		}
		producer.flush();
		Duration published = Duration.between(start, Instant.now());
		String mine = "n.person_id like 'bench-" + run + "-%' and n.kind = 'APPLICATION_VERIFIED'";
		waitFor(jdbc, "select count(*) from notification n where " + mine, events, Duration.ofMinutes(10));
		Duration consumed = Duration.between(start, Instant.now());
		waitFor(jdbc, "select count(*) from message m join notification n on n.id = m.notification_id where " + mine
				+ " and m.status in ('SENT', 'DELIVERED')", 2L * events, Duration.ofMinutes(20));
		Duration drained = Duration.between(start, Instant.now());

		var out = new StringBuilder("## Sustained messages per second\n\n");
		out.append("%,d people known; a burst of %,d `ApplicationVerified` events (published in %.1f s), each one SMS and one email: %,d messages.%n%n"
			.formatted(people, events, seconds(published), 2 * events));
		out.append("| Stage | Time from the first event, s | Rate |\n|---|---:|---:|\n");
		out.append("| events consumed, notifications rendered and queued | %.1f | %.0f events/s |%n"
			.formatted(seconds(consumed), events / seconds(consumed)));
		out.append("| queue drained: every SMS and email taken by its provider | %.1f | %.0f messages/s |%n%n"
			.formatted(seconds(drained), 2 * events / seconds(drained)));
		try (Connection connection = DriverManager.getConnection(jdbc, "notification", "notification");
				var statement = connection.prepareStatement("""
						select m.channel, count(*),
						    percentile_cont(0.5) within group (order by extract(epoch from s.at - m.created_at)),
						    percentile_cont(0.95) within group (order by extract(epoch from s.at - m.created_at)),
						    percentile_cont(0.99) within group (order by extract(epoch from s.at - m.created_at)),
						    max(m.attempts)
						from message m join notification n on n.id = m.notification_id
						    join message_status s on s.message_id = m.id and s.status = 'SENT'
						where %s group by m.channel order by m.channel""".formatted(mine));
				var rs = statement.executeQuery()) {
			out.append("Queue latency under the burst (message created → provider took it), from `message_status`:\n\n");
			out.append("| Channel | Messages | p50 s | p95 s | p99 s | most attempts |\n|---|---:|---:|---:|---:|---:|\n");
			while (rs.next()) {
				out.append("| %s | %,d | %.2f | %.2f | %.2f | %d |%n".formatted(rs.getString(1), rs.getLong(2),
						rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getInt(6)));
			}
			out.append('\n');
		}
		log("Consumed in %.1f s, drained in %.1f s".formatted(seconds(consumed), seconds(drained)));
		return out.toString();
	}

	private static String oneTimeCodes(Api api, HttpClient http, SuiteHandle suite, List<Integer> concurrencies,
			Duration warmUp, Duration measured) throws Exception {
		var loop = new ClosedLoop(http, suite.gatewayUrl());
		var results = new ArrayList<ClosedLoop.Result[]>();
		for (int concurrency : concurrencies) {
			String token = api.serviceToken(IDENTITY_CLIENT, IDENTITY_SECRET);
			Function<ThreadLocalRandom, HttpRequest> code = random -> HttpRequest
				.newBuilder(URI.create(suite.notificationUrl() + CODES))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"mobile":"+7701%07d","code":"%06d","purpose":"LOGIN","language":"kk"}"""
					.formatted(random.nextInt(10_000_000), random.nextInt(1_000_000))))
				.build();
			Function<ThreadLocalRandom, HttpRequest> direct = random -> HttpRequest
				.newBuilder(URI.create(suite.smsProviderUrl() + "/service/message/sendsmsmessage"))
				.header("X-API-Key", SMS_API_KEY)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"recipient":"7701%07d","from":"KZhK","text":"Код: %06d. Ешкімге айтпаңыз. 5 минут жарамды. KZhK",\
						"params":{"name":"%s","validity":5}}"""
					.formatted(random.nextInt(10_000_000), random.nextInt(1_000_000), UUID.randomUUID()),
						StandardCharsets.UTF_8))
				.build();
			log("One-time codes at concurrency %d: baseline (provider directly) ...".formatted(concurrency));
			ClosedLoop.Result base = loop.run("(b) SMS provider directly", direct, 200, concurrency, warmUp, measured);
			log("... through notification-service ...");
			ClosedLoop.Result through = loop.run("one-time code through notification-service", code, 202, concurrency,
					warmUp, measured);
			results.add(new ClosedLoop.Result[] { base, through });
		}
		var out = new StringBuilder("## One-time codes: the synchronous path\n\n");
		out.append("Closed loop, virtual-thread clients on the same machine, HTTP/1.1; latencies in ms. The service's "
				+ "figure includes its token check, the text in Kazakh, two rows in PostgreSQL and the provider's call; "
				+ "the baseline is that provider call alone, measured in the same run.\n\n");
		out.append("| Scenario | Concurrency | Requests | Errors | req/s | p50 | p95 | p99 | max | p99 / base | req/s / base |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (ClosedLoop.Result[] pair : results) {
			for (ClosedLoop.Result r : pair) {
				ClosedLoop.Result base = pair[0];
				out.append("| %s | %d | %,d | %,d | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |%n".formatted(
						r.scenario(), r.concurrency(), r.requests(), r.errors(), r.throughput(), r.millis(50),
						r.millis(95), r.millis(99), r.maxMillis(), r.millis(99) / base.millis(99),
						r.throughput() / base.throughput()));
				if (!r.firstError().isEmpty()) {
					out.append("| ↳ first error: %s |%n".formatted(r.firstError().replace('|', '/')));
				}
			}
		}
		out.append('\n');
		return out.toString();
	}

	private static KafkaProducer<String, byte[]> producer(String bootstrap) {
		var properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String json) {
		producer.send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)));
	}

	/** Polls the count until it reaches {@code expected}. */
	private static void waitFor(String jdbc, String countQuery, long expected, Duration timeout)
			throws SQLException, InterruptedException {
		Instant start = Instant.now();
		try (Connection connection = DriverManager.getConnection(jdbc, "notification", "notification");
				var statement = connection.createStatement()) {
			long count = 0;
			while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
				try (var rs = statement.executeQuery(countQuery)) {
					rs.next();
					count = rs.getLong(1);
				}
				if (count >= expected) {
					return;
				}
				Thread.sleep(100); // a benchmark's poll, not a test's wait
			}
			throw new IllegalStateException("%d of %d after %s: %s".formatted(count, expected, timeout, countQuery));
		}
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static void log(String message) {
		CabinetBenchmark.log(message);
	}
}
