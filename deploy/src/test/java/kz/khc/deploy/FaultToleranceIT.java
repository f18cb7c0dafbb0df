package kz.khc.deploy;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.identity.v1.PasswordChanged;
import kz.khc.contracts.identity.v1.UserRegistered;
import kz.khc.contracts.identity.v1.UserType;
import kz.khc.deploy.bench.Api;
import kz.khc.deploy.providers.SmsSimulator;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's fault tests: the real suite (as {@link SuiteEndToEndIT} starts it, on free ports in a temporary directory)
 * while one part of it fails — the Kafka broker killed during an intake burst, PostgreSQL restarted under load, the SMS
 * provider slow, failing and flapping, Keycloak down. For each: every committed application, event and message arrives
 * exactly once in effect, users get a clear answer while the part is down, and the suite recovers by itself. Each test
 * prints what it sent, what was committed and what was delivered, and asserts nothing lost and nothing duplicated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

	private static final String APPLICATIONS = "/api/elorda/v1/applications";
	private static final Duration EVENTUALLY = Duration.ofMinutes(2);
	/** No answer while a part is down may take longer: the pools' 5 s connection timeout plus a loaded machine. */
	private static final Duration CLEAR_ANSWER_WITHIN = Duration.ofSeconds(15);
	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@TempDir
	static Path dataDir;

	private static LocalSuite suite;
	private static Api api;
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final JsonMapper json = JsonMapper.builder().build();
	private static final List<String> reports = new ArrayList<>();
	private static final AtomicInteger people = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	@BeforeAll
	static void startSuite() {
		RunLocal.quietClientLogging();
		// the provider's circuit rests 5 s instead of 30 s, retries wait at most 8 s: the same behaviour, in test time
		suite = LocalSuite.start(SuiteConfig.freePorts(dataDir).withServiceEnvironment(Map.of("notification", Map.of(
				"NOTIFICATIONS_CIRCUITBREAKER_WAITINOPENSTATE", "5s",
				"NOTIFICATIONS_DELIVERY_MAXRETRYINTERVAL", "8s"))));
		api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
		System.out.printf("Suite started in %d s%n", suite.startupTime().toSeconds());
	}

	@AfterAll
	static void stopSuite() throws IOException {
		System.out.println("\n===== Fault tests: counts =====");
		reports.forEach(System.out::println);
		if (suite != null) {
			suite.close();
			Path kept = Path.of("target", "fault-logs");
			Files.createDirectories(kept);
			try (Stream<Path> logs = Files.list(suite.config().logDir())) {
				for (Path log : logs.toList()) {
					Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/**
	 * 30 citizens submit signed applications, paced over a few seconds; a quarter in, the broker is killed (SIGKILL)
	 * and started again on the same data while the rest come in. The intake writes each event with the application
	 * (the event publication registry), so every submission is answered 200 and every event reaches Kafka once the
	 * broker is back; scoring and the notification service take each one once.
	 */
	@Test
	@Order(1)
	void kafkaKilledDuringAnIntakeBurstLosesAndDuplicatesNothing() throws Exception {
		int n = 30;
		List<Citizen> citizens = citizens(n);
		List<Submission> submissions = parallel(citizens.stream().<Callable<Submission>>map(citizen -> () -> prepare(citizen)).toList());
		Map<TopicPartition, Long> topicStart = endOffsets(ApplicationSubmitted.TOPIC);

		AtomicInteger answered = new AtomicInteger();
		int atKill;
		int backAt;
		ScheduledExecutorService burst = Executors.newScheduledThreadPool(8);
		List<ScheduledFuture<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < n; i++) {
				Submission submission = submissions.get(i);
				answers.add(burst.schedule(() -> {
					try {
						return submit(submission);
					} finally {
						answered.incrementAndGet();
					}
				}, 250L * i, TimeUnit.MILLISECONDS));
			}
			await().atMost(EVENTUALLY).until(() -> answered.get() >= n / 4);
			suite.killKafka();
			atKill = answered.get();
			suite.startKafka();
			backAt = answered.get();
			System.out.printf("Kafka killed after %d of %d answers, back after %d%n", atKill, n, backAt);
			assertThat(atKill).as("the broker killed mid-burst").isLessThan(n);
		} finally {
			burst.shutdown();
		}
		Map<Integer, Long> statuses = new HashMap<>();
		for (ScheduledFuture<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
			statuses.merge(response.statusCode(), 1L, Long::sum);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}

		List<UUID> ids = submissions.stream().map(Submission::draft).toList();
		// every publication acknowledged by the broker (the registry resends what the dead broker never took)
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			long[] publications = publications(ids);
			assertThat(publications[1]).as("completed publications").isEqualTo(publications[0]);
		});
		Set<String> subjects = citizens.stream().map(Citizen::subject).collect(Collectors.toSet());
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			assertThat(count("scoring", "select count(*) from application where application_id = any(?)", ids)).isEqualTo(n);
			assertThat(count("notification", "select count(*) from notification where kind = 'APPLICATION_RECEIVED' "
					+ "and person_id = any(?)", subjects)).isEqualTo(n);
			assertThat(acceptedSms(receivedMessages(subjects))).hasSize(n);
		});
		// and nothing more arrives later: a redelivered event must change nothing
		await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(count("scoring", "select count(*) from application where application_id = any(?)", ids)).isEqualTo(n);
			assertThat(count("notification", "select count(*) from notification where person_id = any(?)", subjects))
				.isEqualTo(n);
		});

		long committed = count("elorda", "select count(*) from application where id = any(?) and status = 'SUBMITTED'", ids);
		long[] publications = publications(ids);
		TopicCount topic = records(ApplicationSubmitted.TOPIC, topicStart, ids.stream().map(UUID::toString).collect(Collectors.toSet()));
		long scored = count("scoring", "select count(*) from submitted_application where application_id = any(?)", ids);
		long assessed = count("scoring", "select count(*) from application where application_id = any(?)", ids);
		long scoringProcessed = count("scoring", "select count(*) from processed_event where event_id = any(?)",
				topic.eventIds().stream().map(UUID::fromString).toList());
		long notified = count("notification", "select count(*) from notification where kind = 'APPLICATION_RECEIVED' "
				+ "and person_id = any(?)", subjects);
		List<UUID> smsMessages = receivedMessages(subjects);
		Map<String, Long> accepted = acceptedSms(smsMessages);

		assertThat(committed).as("200 answers committed as SUBMITTED").isEqualTo(n);
		assertThat(publications[0]).as("one ApplicationSubmitted publication per application").isEqualTo(n);
		assertThat(topic.keys()).as("applications with a record on the topic").isEqualTo(n);
		assertThat(topic.eventIds()).as("one event id per application").hasSize(n);
		assertThat(scored).isEqualTo(n);
		assertThat(assessed).isEqualTo(n);
		assertThat(scoringProcessed).isEqualTo(n);
		assertThat(notified).isEqualTo(n);
		assertThat(smsMessages).as("one SMS queued per application").hasSize(n);
		assertThat(accepted.values()).as("each SMS taken by the provider once").containsOnly(1L);
		report("Kafka killed (SIGKILL) and restarted during an intake burst", counts(
				"sent", n, "answered before the kill", atKill, "answered while down or restarting", backAt - atKill,
				"answered 200", statuses.getOrDefault(200, 0L), "other answers", n - statuses.getOrDefault(200, 0L),
				"committed SUBMITTED", committed, "publications completed", publications[1],
				"topic records", topic.records(), "topic distinct events", topic.eventIds().size(),
				"scoring assessed", assessed, "scoring counted", scored, "notifications", notified,
				"SMS taken by the provider", accepted.size(),
				"lost", n - Math.min(Math.min(topic.eventIds().size(), assessed), Math.min(notified, accepted.size())),
				"duplicated in effect", Math.max(Math.max(assessed, scored), notified) - n
						+ accepted.values().stream().mapToLong(times -> times - 1).sum()));
	}

	/**
	 * Cabinet and intake reads and submissions keep coming while PostgreSQL is stopped (fast shutdown) and started
	 * again on the same data: meanwhile each request gets a localized 503 problem with Retry-After within seconds —
	 * no 500, no gateway timeout —, afterwards the services' pools reconnect by themselves; every 200 is in the
	 * database, and what got a 503 goes through when the user tries again.
	 */
	@Test
	@Order(2)
	void postgresRestartedUnderLoadAnswers503MeanwhileAndLosesNothing() throws Exception {
		int m = 12;
		List<Citizen> citizens = citizens(m);
		List<Submission> submissions = parallel(citizens.stream().<Callable<Submission>>map(citizen -> () -> prepare(citizen)).toList());
		String demoCitizen = demoCitizenToken();

		var answers = new ConcurrentLinkedQueue<Answer>();
		var running = new AtomicBoolean(true);
		var pending = new LinkedBlockingQueue<>(submissions);
		ExecutorService load = Executors.newFixedThreadPool(3);
		Instant stopped;
		Instant startedAgain;
		try {
			load.submit(() -> loop(running, answers, "cabinet read", () -> send(get("/api/cabinet/v1/contracts", demoCitizen))));
			load.submit(() -> loop(running, answers, "intake read", () -> {
				Submission any = submissions.get(ThreadLocalRandom.current().nextInt(m));
				return send(get(APPLICATIONS + "/" + any.draft(), any.citizen().token()));
			}));
			load.submit(() -> loop(running, answers, "submission", () -> {
				Submission next = pending.poll(200, TimeUnit.MILLISECONDS);
				if (next == null) {
					return null;
				}
				HttpResponse<String> answer = submit(next);
				if (answer.statusCode() != 200 && answer.statusCode() != 409) {
					pending.add(next); // the citizen tries again later
				}
				return answer;
			}));
			await().atMost(EVENTUALLY).until(() -> answers.stream().filter(answer -> answer.status() == 200).count() >= 4);
			suite.stopPostgres();
			stopped = Instant.now();
			// down until every kind of request has been answered at least twice without the database
			await().atMost(EVENTUALLY).until(() -> Stream.of("cabinet read", "intake read", "submission")
				.allMatch(kind -> answers.stream()
					.filter(answer -> answer.kind().equals(kind) && answer.startedAt().isAfter(stopped))
					.count() >= 2));
			suite.startPostgres();
			startedAgain = Instant.now();
			System.out.printf("PostgreSQL down for %d ms%n", Duration.between(stopped, startedAgain).toMillis());
			// recovery without anyone's help: each kind answers 200 again, and every draft gets submitted
			await().atMost(EVENTUALLY).until(() -> Stream.of("cabinet read", "intake read")
				.allMatch(kind -> answers.stream()
					.anyMatch(answer -> answer.kind().equals(kind) && answer.startedAt().isAfter(startedAgain)
							&& answer.status() == 200)));
			await().atMost(EVENTUALLY).until(() -> pending.isEmpty() && count("elorda",
					"select count(*) from application where id = any(?) and status = 'SUBMITTED'",
					submissions.stream().map(Submission::draft).toList()) == m);
		} finally {
			running.set(false);
			load.shutdown();
			assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		}

		List<Answer> all = List.copyOf(answers);
		List<Answer> whileDown = all.stream()
			.filter(answer -> answer.startedAt().isAfter(stopped) && answer.endedAt().isBefore(startedAgain))
			.toList();
		assertThat(whileDown).as("requests answered while PostgreSQL was down").isNotEmpty();
		assertThat(all).as("never a 500, a gateway error or a timeout")
			.allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 409, 503));
		assertThat(whileDown).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.retryAfter()).as("Retry-After").isNotNull();
			JsonNode problem = json.readTree(answer.body());
			assertThat(problem.path("code").asString()).isEqualTo("service-unavailable");
			assertThat(problem.path("detail").asString()).as("Russian by default").contains("Повторите позже");
			assertThat(answer.body()).doesNotContain("Exception", "SQL", "jdbc", "\tat ");
			assertThat(answer.duration()).isLessThan(CLEAR_ANSWER_WITHIN);
		});

		// the submissions: each 200 committed, each 503 went through on a later try, every event out once
		List<UUID> ids = submissions.stream().map(Submission::draft).toList();
		Map<UUID, Integer> submitStatuses = new HashMap<>();
		all.stream().filter(answer -> answer.kind().equals("submission") && answer.status() == 200)
			.forEach(answer -> submitStatuses.merge(answer.draft(), 1, Integer::sum));
		assertThat(submitStatuses.values()).as("no draft submitted twice").containsOnly(1);
		// a draft without a 200 had its commit cut on the wire (503), and the next try found it submitted (409)
		Set<UUID> conflicts = all.stream().filter(answer -> answer.kind().equals("submission") && answer.status() == 409)
			.map(Answer::draft).collect(Collectors.toSet());
		assertThat(ids).allSatisfy(id -> assertThat(submitStatuses.containsKey(id) || conflicts.contains(id)).as(id.toString()).isTrue());
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			long[] publications = publications(ids);
			assertThat(publications).containsExactly(m, m);
			assertThat(count("scoring", "select count(*) from application where application_id = any(?)", ids)).isEqualTo(m);
		});
		long committed = count("elorda", "select count(*) from application where id = any(?) and status = 'SUBMITTED'", ids);
		long signatures = count("elorda", "select count(*) from application_signature where application_id = any(?)", ids);
		long assessed = count("scoring", "select count(*) from application where application_id = any(?)", ids);
		long submitAttempts = all.stream().filter(answer -> answer.kind().equals("submission")).count();
		assertThat(committed).isEqualTo(m);
		assertThat(signatures).isEqualTo(m);
		assertThat(assessed).isEqualTo(m);
		report("PostgreSQL stopped (fast shutdown) and started again under load", counts(
				"requests sent", all.size(), "answered 200", all.stream().filter(answer -> answer.status() == 200).count(),
				"answered 503 problem", all.stream().filter(answer -> answer.status() == 503).count(),
				"answered 409", all.stream().filter(answer -> answer.status() == 409).count(),
				"answered 500/502/504", all.stream().filter(answer -> answer.status() >= 500 && answer.status() != 503).count(),
				"answered while down", whileDown.size(),
				"slowest answer while down ms", whileDown.stream().mapToLong(answer -> answer.duration().toMillis()).max().orElse(0),
				"submissions sent (with retries)", submitAttempts, "distinct applications", m,
				"committed SUBMITTED", committed, "signatures", signatures, "scoring assessed", assessed,
				"lost", m - Math.min(committed, assessed), "duplicated in effect", Math.max(committed, assessed) - m));
	}

	/**
	 * The SMS provider fails in turn: HTTP 500, slower than the notification service waits, connections reset and
	 * empty answers, then flapping between failing and working. Password-change notices queued meanwhile are delivered
	 * once it is back (retries with backoff, the circuit breaker resting it), each person gets one message — a message
	 * the slow provider took late is sent again under the same id ({@code params.name}), which the provider drops —,
	 * and the delivery log tells each attempt. A one-time code asked for meanwhile is refused at once with a clear 503
	 * (it is sent synchronously and never queued), and goes out when asked for again afterwards.
	 */
	@Test
	@Order(3)
	void smsProviderSlowFailingAndFlappingDeliversEveryMessageOnce() throws Exception {
		int perPhase = 3;
		List<String> phases = List.of("500", "slow", "reset", "empty", "flapping");
		Map<String, List<Person>> persons = new LinkedHashMap<>();
		try (var producer = producer()) {
			for (String phase : phases) {
				List<Person> list = new ArrayList<>();
				for (int i = 0; i < perPhase; i++) {
					list.add(new Person(UUID.randomUUID().toString(), mobile()));
				}
				persons.put(phase, list);
			}
			for (Person person : persons.values().stream().flatMap(List::stream).toList()) {
				publish(producer, new UserRegistered(UUID.randomUUID(), Instant.now(), person.id(), Api.iin(people.incrementAndGet()),
						"1107%08d".formatted(people.get()), UserType.CLIENT, person.mobile(), "ru", Instant.now()));
			}
			Set<String> everyone = persons.values().stream().flatMap(List::stream).map(Person::id).collect(Collectors.toSet());
			await().atMost(EVENTUALLY).until(() -> count("notification", "select count(*) from contact where person_id = any(?)",
					everyone) == everyone.size());
			List<CodeClient> codeClients = codeClients(phases.size() + 1);

			Map<String, Integer> codeAnswers = new LinkedHashMap<>();
			Map<String, Long> faultRequests = new LinkedHashMap<>();
			ScheduledExecutorService flapper = Executors.newSingleThreadScheduledExecutor();
			try {
				for (int p = 0; p < phases.size(); p++) {
					String phase = phases.get(p);
					Instant phaseStart = Instant.now();
					switch (phase) {
						case "500" -> suite.sms().fail(SmsSimulator.Fault.SERVER_ERROR);
						case "slow" -> suite.sms().slowDown(Duration.ofSeconds(6)); // the client waits 5 s, a code 0.6 s
						case "reset" -> suite.sms().fail(SmsSimulator.Fault.CONNECTION_RESET);
						case "empty" -> suite.sms().fail(SmsSimulator.Fault.EMPTY_RESPONSE);
						case "flapping" -> {
							AtomicBoolean failing = new AtomicBoolean();
							flapper.scheduleAtFixedRate(() -> {
								if (failing.get()) {
									suite.sms().heal();
								} else {
									suite.sms().fail(SmsSimulator.Fault.SERVER_ERROR);
								}
								failing.set(!failing.get());
							}, 0, 700, TimeUnit.MILLISECONDS);
						}
						default -> throw new IllegalStateException(phase);
					}
					for (Person person : persons.get(phase)) {
						publish(producer, new PasswordChanged(UUID.randomUUID(), Instant.now(), person.id(),
								PasswordChanged.Reason.CHANGED, Instant.now()));
					}
					HttpResponse<String> code = requestCode(codeClients.get(p));
					codeAnswers.put(phase, code.statusCode());
					assertThat(code.statusCode()).as(phase + ": " + code.body()).isIn(202, 503);
					if (!phase.equals("flapping")) {
						assertThat(code.statusCode()).as(phase + ": the code cannot go out now").isEqualTo(503);
					}
					if (code.statusCode() == 503) {
						assertThat(code.headers().firstValue("Retry-After")).isPresent();
						assertThat(json.readTree(code.body()).path("code").asString()).isEqualTo("sms-unavailable");
					}
					Set<String> ofPhase = persons.get(phase).stream().map(Person::id).collect(Collectors.toSet());
					if (phase.equals("flapping")) {
						// it flaps until every notice of the phase went through
						await().atMost(EVENTUALLY).until(() -> acceptedSms(receivedMessages(ofPhase)).size() == perPhase);
					} else {
						// the fault lasts until its notices are queued and the provider has been tried a few times with it
						// (which messages: the circuit breaker's trial calls decide; the rest wait in the queue)
						await().atMost(EVENTUALLY).until(() -> smsStatuses(ofPhase).size() == perPhase
								&& suite.sms().received().stream().filter(sms -> sms.at().isAfter(phaseStart)).count() >= perPhase);
					}
					faultRequests.put(phase, suite.sms().received().stream()
						.filter(sms -> sms.at().isAfter(phaseStart) && (!sms.accepted() || sms.late())).count());
					if (phase.equals("flapping")) {
						flapper.shutdownNow();
						assertThat(flapper.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
					}
					suite.sms().heal();
				}
			} finally {
				flapper.shutdownNow();
				suite.sms().heal();
			}
			// the person asks again after Retry-After until the provider's circuit let the code through
			List<Integer> lastAnswers = new ArrayList<>();
			await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(2)).until(() -> {
				HttpResponse<String> code = requestCode(codeClients.getLast());
				lastAnswers.add(code.statusCode());
				assertThat(code.statusCode()).as("provider back: " + code.body()).isIn(202, 503);
				return code.statusCode() == 202;
			});
			codeAnswers.put("after", lastAnswers.getLast());
			await().atMost(EVENTUALLY).until(() -> accepted(codeClients.getLast().mobile()).size() == 1);

			Set<String> everybody = persons.values().stream().flatMap(List::stream).map(Person::id).collect(Collectors.toSet());
			await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(smsStatuses(everybody).values())
				.as("every notice delivered once the provider is back").hasSize(everybody.size()).containsOnly("DELIVERED"));
			await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).untilAsserted(() ->
					assertThat(smsStatuses(everybody)).hasSize(everybody.size()));

			List<UUID> allMessages = receivedMessages(everybody);
			assertThat(count("notification", "select count(*) from message_status where message_id = any(?) "
					+ "and status = 'PENDING' and detail like 'attempt failed%'", allMessages))
				.as("the delivery log tells the failed attempts").isPositive();
			// per phase: requests the provider saw, messages it took, and what reached each person
			for (String phase : phases) {
				List<Person> list = persons.get(phase);
				Map<String, String> statuses = smsStatuses(list.stream().map(Person::id).collect(Collectors.toSet()));
				List<UUID> messageIds = statuses.keySet().stream().map(UUID::fromString).toList();
				long requests = suite.sms().received().stream()
					.filter(sms -> sms.messageId() != null && statuses.containsKey(sms.messageId())).count();
				Map<String, Long> taken = acceptedSms(messageIds);
				long distinctPerPerson = list.stream().mapToLong(person -> accepted(person.mobile()).stream()
					.map(SmsSimulator.Sms::messageId).distinct().count()).max().orElse(0);
				long failedAttempts = count("notification", "select count(*) from message_status where message_id = any(?) "
						+ "and status = 'PENDING' and detail like 'attempt failed%'", messageIds);
				assertThat(statuses).as(phase).hasSize(perPhase);
				assertThat(taken).as(phase + ": every message taken").hasSize(perPhase);
				assertThat(distinctPerPerson).as(phase + ": one message per person").isEqualTo(1);
				// a message id comes again only after the provider answered too late the first time (then it drops it)
				Map<String, Long> lateAnswers = acceptedSms(messageIds, SmsSimulator.Sms::late);
				assertThat(taken).allSatisfy((id, times) -> assertThat(times - 1).as(phase + ": " + id + " taken again")
					.isLessThanOrEqualTo(lateAnswers.getOrDefault(id, 0L)));
				assertThat(faultRequests.get(phase)).as(phase + ": requests that met the fault").isPositive();
				for (UUID message : messageIds) {
					assertThat(history(message)).as("delivery log of " + message).startsWith("PENDING").endsWith("DELIVERED");
				}
				report("SMS provider " + phase, counts("requests meeting the fault", faultRequests.get(phase),
						"notices sent", perPhase, "messages queued", statuses.size(),
						"provider requests for them", requests, "their failed attempts logged", failedAttempts,
						"messages the provider took", taken.size(),
						"same id taken again after a late answer (dropped by params.name)",
						taken.values().stream().mapToLong(t -> t - 1).sum(),
						"delivered (receipt)", statuses.values().stream().filter("DELIVERED"::equals).count(),
						"code request answer", codeAnswers.get(phase),
						"lost", perPhase - taken.size(), "duplicated in effect", distinctPerPerson - 1));
			}
			report("SMS provider back", counts("code requests", lastAnswers.size(), "answers", lastAnswers,
					"code SMS taken", accepted(codeClients.getLast().mobile()).size(), "lost", 0, "duplicated in effect",
					accepted(codeClients.getLast().mobile()).size() - 1));
		}
		String operator = new OidcLogin(suite.keycloakUrl(), Keycloak.REALM, "elorda-web", suite.gatewayUrl() + "/")
			.login(Keycloak.DemoUser.CABINET_OPERATOR.username, Keycloak.DemoUser.CABINET_OPERATOR.password).accessToken();
		HttpResponse<String> log = send(get("/api/notifications/v1/deliveries?status=DELIVERED&channel=SMS&size=5", operator));
		assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
	}

	/**
	 * Keycloak stops: the tokens already issued keep working everywhere (each service holds the realm's keys), a login
	 * answers a clear 503 problem at once; once Keycloak is back, logins work again without restarting anything.
	 */
	@Test
	@Order(4)
	void keycloakDownKeepsIssuedTokensWorkingAndLoginsAnswer503() throws Exception {
		String citizen = demoCitizenToken();
		String officer = new OidcLogin(suite.keycloakUrl(), Keycloak.REALM, "elorda-web", suite.gatewayUrl() + "/")
			.login(Keycloak.DemoUser.AKIMAT_OFFICER.username, Keycloak.DemoUser.AKIMAT_OFFICER.password).accessToken();
		Map<String, HttpRequest> withTokens = new LinkedHashMap<>();
		withTokens.put("cabinet profile", get("/api/cabinet/v1/profile", citizen));
		withTokens.put("identity me", get("/api/identity/v1/me", citizen));
		withTokens.put("scoring my applications", get("/api/scoring/v1/my/applications", citizen));
		withTokens.put("notification inbox", get("/api/notifications/v1/my/messages", citizen));
		withTokens.put("elorda staff list", get(APPLICATIONS, officer));
		for (var request : withTokens.entrySet()) {
			HttpResponse<String> before = send(request.getValue());
			assertThat(before.statusCode()).as(request.getKey() + ": " + before.body()).isEqualTo(200);
		}

		suite.stopKeycloak();
		int sent = 0;
		int ok = 0;
		int unavailable = 0;
		try {
			for (var request : withTokens.entrySet()) {
				HttpResponse<String> during = send(request.getValue());
				sent++;
				assertThat(during.statusCode()).as(request.getKey() + " with Keycloak down: " + during.body()).isEqualTo(200);
				ok++;
			}
			Instant asked = Instant.now();
			HttpResponse<String> login = login(Keycloak.DemoUser.CITIZEN);
			sent++;
			assertThat(Duration.between(asked, Instant.now())).isLessThan(CLEAR_ANSWER_WITHIN);
			assertThat(login.statusCode()).as(login.body()).isEqualTo(503);
			unavailable++;
			assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
				.startsWith("application/problem+json"));
			assertThat(login.headers().firstValue("Retry-After")).isPresent();
			JsonNode problem = json.readTree(login.body());
			assertThat(problem.path("code").asString()).isEqualTo("login-unavailable");
			assertThat(login.body()).doesNotContain("Exception", "\tat ", "Connection refused");
		} finally {
			suite.startKeycloak();
		}

		await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(login(Keycloak.DemoUser.CITIZEN).statusCode()).isEqualTo(200));
		String fresh = demoCitizenToken();
		String freshOfficer = new OidcLogin(suite.keycloakUrl(), Keycloak.REALM, "elorda-web", suite.gatewayUrl() + "/")
			.login(Keycloak.DemoUser.AKIMAT_OFFICER.username, Keycloak.DemoUser.AKIMAT_OFFICER.password).accessToken();
		assertThat(send(get("/api/cabinet/v1/profile", fresh)).statusCode()).isEqualTo(200);
		assertThat(send(get("/api/identity/v1/me", fresh)).statusCode()).isEqualTo(200);
		assertThat(send(get(APPLICATIONS, freshOfficer)).statusCode()).isEqualTo(200);
		report("Keycloak stopped and started again", counts("requests sent while down", sent,
				"with a valid token answered 200", ok, "logins answered 503 problem", unavailable,
				"logins after restart", "200", "lost", 0, "duplicated in effect", 0));
	}

	// ----- the citizens, their drafts and submissions

	private record Citizen(String iin, String account, String token, String subject) {
	}

	private record Submission(Citizen citizen, UUID draft, String signature) {
	}

	/** Citizens as primary authorization would have made them, each logged in through the cabinet's login. */
	private static List<Citizen> citizens(int n) throws Exception {
		String admin = api.adminToken();
		return parallel(Stream.generate(people::incrementAndGet).limit(n).<Callable<Citizen>>map(number -> () -> {
			String iin = Api.iin(number);
			String account = "1109%08d".formatted(number);
			api.ensureCitizen(admin, iin, account);
			String token = citizenToken(iin, account);
			return new Citizen(iin, account, token, claims(token).path("sub").asString());
		}).toList());
	}

	/**
	 * The citizen's login; a 503 (Keycloak slower than identity-service waits, when the setup's logins crowd the two
	 * cores) is tried again after a moment, as the answer asks.
	 */
	private static String citizenToken(String iin, String account) {
		var token = new AtomicReference<String>();
		await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsMatching(
				e -> e.getMessage() != null && e.getMessage().contains("HTTP 503")).until(() -> {
			token.set(api.citizenToken(iin, account));
			return true;
		});
		return token.get();
	}

	/** The end-to-end test's healthcare draft with its eight documents, and the citizen's signature over it. */
	private static Submission prepare(Citizen citizen) throws IOException, InterruptedException {
		HttpResponse<String> draft = send(post(APPLICATIONS, citizen.token(), Api.HEALTHCARE_FORM.formatted("Заявитель " + citizen.iin())));
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		String id = json.readTree(draft.body()).path("id").asString();
		for (String type : List.of("CIVIL_STATUS_CERTIFICATE", "NO_PROPERTY_CERTIFICATE", "EMPLOYMENT_CERTIFICATE",
				"WORK_RECORD", "PENSION_STATEMENT", "DEPOSIT_CERTIFICATE", "INCOME_CERTIFICATE", "DIPLOMA")) {
			HttpResponse<String> uploaded = api.upload(citizen.token(), id, type, citizen.iin(), LocalDate.now(ALMATY));
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		}
		HttpResponse<String> toSign = send(get(APPLICATIONS + "/" + id + "/signing-content", citizen.token()));
		assertThat(toSign.statusCode()).as(toSign.body()).isEqualTo(200);
		byte[] content = Base64.getDecoder().decode(json.readTree(toSign.body()).path("content").asString());
		return new Submission(citizen, UUID.fromString(id),
				Base64.getEncoder().encodeToString(suite.demoCa().sign(citizen.iin(), content)));
	}

	private static HttpResponse<String> submit(Submission submission) throws IOException, InterruptedException {
		return send(post(APPLICATIONS + "/" + submission.draft() + "/submission", submission.citizen().token(),
				"{\"signature\":\"%s\"}".formatted(submission.signature())));
	}

	private static <T> List<T> parallel(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> future : pool.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
				results.add(future.get());
			}
			return results;
		} finally {
			pool.shutdownNow();
		}
	}

	// ----- load while PostgreSQL is away

	/** One answer of the load: which kind, how it ended, how long it took. */
	private record Answer(String kind, UUID draft, int status, String contentType, String retryAfter, String body,
			Instant startedAt, Instant endedAt) {

		Duration duration() {
			return Duration.between(startedAt, endedAt);
		}

		@Override
		public String toString() {
			return "%s %d in %d ms: %s".formatted(kind, status, duration().toMillis(),
					body.length() > 300 ? body.substring(0, 300) : body);
		}
	}

	@FunctionalInterface
	private interface Request {
		HttpResponse<String> send() throws Exception;
	}

	private static void loop(AtomicBoolean running, Collection<Answer> answers, String kind, Request request) {
		while (running.get()) {
			Instant start = Instant.now();
			try {
				HttpResponse<String> response = request.send();
				if (response == null) {
					continue;
				}
				String path = response.request().uri().getPath();
				UUID draft = kind.equals("submission") ? UUID.fromString(path.split("/")[5]) : null;
				answers.add(new Answer(kind, draft, response.statusCode(),
						response.headers().firstValue("Content-Type").orElse(""),
						response.headers().firstValue("Retry-After").orElse(null), response.body(), start, Instant.now()));
			} catch (Exception e) {
				answers.add(new Answer(kind, null, -1, "", null, e.toString(), start, Instant.now()));
			}
		}
	}

	// ----- the SMS provider's faults

	private record Person(String id, String mobile) {
	}

	private record CodeClient(String account, String iin, String contract, String mobile) {
	}

	/** A mobile number of the kind the services accept: +7 747 and seven digits, one per person of the run. */
	private static String mobile() {
		return "+7747%07d".formatted(people.incrementAndGet() % 10_000_000);
	}

	/** Clients of the company the core system sent the cabinet (the operator's import), not yet registered. */
	private static List<CodeClient> codeClients(int n) throws IOException, InterruptedException {
		List<CodeClient> clients = new ArrayList<>();
		var lines = new StringBuilder();
		for (int i = 0; i < n; i++) {
			int number = people.incrementAndGet();
			var client = new CodeClient("1106%08d".formatted(number), Api.iin(number), "ИК-2024/F%06d".formatted(number),
					mobile());
			clients.add(client);
			lines.append("""
					{"type":"client","accountNumber":"%1$s","iin":"%2$s","userType":"CLIENT","surname":"Тестов",\
					"firstName":"Тест","patronymic":null,"sex":"MALE","birthDate":"1980-01-01","idDocumentNumber":"045123456",\
					"idDocumentIssuedOn":"2018-03-01","idDocumentExpiresOn":"2028-02-29","idDocumentAuthority":"МВД РК",\
					"email":null,"emailVerified":false,"mobile":"%4$s"}
					{"type":"contract","accountNumber":"%1$s","number":"%3$s","kind":"MORTGAGE_LOAN",\
					"concludedOn":"2024-02-01","endsOn":"2044-02-01","collateralType":"Квартира",\
					"address":"г. Астана, пр. Туран, 5, кв. 7","amount":"15000000.00","paymentsCount":1,\
					"monthlyPayment":"120000.00","paymentDay":1,"accountBalance":"0.00",\
					"debt":{"penalty":"0.00","fine":"0.00","stateDuty":"0.00"},"schedule":[{"seq":1,"dueDate":"2044-02-01",\
					"payment":"120000.00","principal":"100000.00","interest":"20000.00","paidAmount":null,"paidOn":null,\
					"writtenOffAmount":null,"writtenOffOn":null}]}
					""".formatted(client.account(), client.iin(), client.contract(), client.mobile()));
		}
		String operator = new OidcLogin(suite.keycloakUrl(), Keycloak.REALM, "elorda-web", suite.gatewayUrl() + "/")
			.login(Keycloak.DemoUser.CABINET_OPERATOR.username, Keycloak.DemoUser.CABINET_OPERATOR.password).accessToken();
		HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/cabinet/v1/core-data/imports"))
			.header("Authorization", "Bearer " + operator)
			.header("Content-Type", "application/x-ndjson")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
			.build());
		assertThat(imported.body()).as("import report").contains("\"applied\":" + 2 * n);
		return clients;
	}

	/** DOMAIN I1's start: the five values match a contract, so identity-service has a code sent at once. */
	private static HttpResponse<String> requestCode(CodeClient client) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/identity/v1/registrations"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"userType":"CLIENT","accountNumber":"%s","iin":"%s","contractNumber":"%s","contractDate":"2024-02-01",
					 "mobile":"%s","captchaToken":"fault-test","termsAccepted":true}"""
				.formatted(client.account(), client.iin(), client.contract(), client.mobile())))
			.build());
	}

	/** What the provider took for this number (the number as sent: without the plus). */
	private static List<SmsSimulator.Sms> accepted(String mobile) {
		String to = mobile.replace("+", "");
		return suite.sms().received().stream().filter(sms -> sms.accepted() && sms.to().equals(to)).toList();
	}

	/** How many times the provider took each of these messages (by our id, {@code params.name}). */
	private static Map<String, Long> acceptedSms(Collection<UUID> messageIds) {
		return acceptedSms(messageIds, sms -> true);
	}

	private static Map<String, Long> acceptedSms(Collection<UUID> messageIds, Predicate<SmsSimulator.Sms> which) {
		Set<String> ids = messageIds.stream().map(UUID::toString).collect(Collectors.toSet());
		return suite.sms().received().stream()
			.filter(sms -> sms.accepted() && sms.messageId() != null && ids.contains(sms.messageId()) && which.test(sms))
			.collect(Collectors.groupingBy(SmsSimulator.Sms::messageId, Collectors.counting()));
	}

	/** The SMS messages queued for these persons, with their status: message id → status. */
	private static Map<String, String> smsStatuses(Set<String> personIds) throws SQLException {
		try (Connection connection = database("notification"); var statement = connection.prepareStatement(
				"select id, status from message where channel = 'SMS' and person_id = any(?)")) {
			statement.setArray(1, connection.createArrayOf("text", personIds.toArray()));
			var statuses = new HashMap<String, String>();
			try (var rs = statement.executeQuery()) {
				while (rs.next()) {
					statuses.put(rs.getString(1), rs.getString(2));
				}
			}
			return statuses;
		}
	}

	/** The SMS message ids queued for these persons. */
	private static List<UUID> receivedMessages(Set<String> personIds) throws SQLException {
		return smsStatuses(personIds).keySet().stream().map(UUID::fromString).toList();
	}

	/** The delivery log of one message: its statuses in order. */
	private static List<String> history(UUID message) throws SQLException {
		try (Connection connection = database("notification"); var statement = connection.prepareStatement(
				"select status from message_status where message_id = ? order by at")) {
			statement.setObject(1, message);
			var statuses = new ArrayList<String>();
			try (var rs = statement.executeQuery()) {
				while (rs.next()) {
					statuses.add(rs.getString(1));
				}
			}
			return statuses;
		}
	}

	// ----- Kafka

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
	}

	/** As the producing services do: the aggregate id as the key, the event's headers, the record as JSON. */
	private static void publish(KafkaProducer<String, byte[]> producer, IntegrationEvent event) throws Exception {
		var record = new ProducerRecord<>(event.topic(), event.aggregateId(), json.writeValueAsBytes(event));
		event.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
		producer.send(record).get(30, TimeUnit.SECONDS);
	}

	private static KafkaConsumer<String, byte[]> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static Map<TopicPartition, Long> endOffsets(String topic) {
		try (var consumer = consumer()) {
			var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			return consumer.endOffsets(partitions, Duration.ofSeconds(30));
		}
	}

	/** @param records the topic's records about the applications; keys: how many of them have one */
	private record TopicCount(long records, long keys, Set<String> eventIds) {
	}

	/** The records on the topic since {@code from} whose key is one of {@code keys}. */
	private static TopicCount records(String topic, Map<TopicPartition, Long> from, Set<String> keys) {
		try (var consumer = consumer()) {
			consumer.assign(from.keySet());
			from.forEach(consumer::seek);
			Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet(), Duration.ofSeconds(30));
			long records = 0;
			Set<String> seenKeys = new HashSet<>();
			Set<String> eventIds = new HashSet<>();
			Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
			while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
				assertThat(Instant.now()).as("reading " + topic).isBefore(deadline);
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
					if (record.key() != null && keys.contains(record.key())) {
						records++;
						seenKeys.add(record.key());
						Header eventId = record.headers().lastHeader("eventId");
						eventIds.add(eventId == null ? "none" : new String(eventId.value(), StandardCharsets.UTF_8));
					}
				}
			}
			return new TopicCount(records, seenKeys.size(), eventIds);
		}
	}

	// ----- the databases

	private static Connection database(String name) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%d/%s".formatted(suite.config().ports().postgres(), name),
				name, name);
	}

	/** {@code select count(*) … = any(?)} with the values as the array parameter. */
	private static long count(String database, String query, Collection<?> values) throws SQLException {
		try (Connection connection = database(database); var statement = connection.prepareStatement(query)) {
			boolean uuids = !values.isEmpty() && values.iterator().next() instanceof UUID;
			statement.setArray(1, connection.createArrayOf(uuids ? "uuid" : "text", values.toArray()));
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** The {@code ApplicationSubmitted} publications of these applications: how many, how many completed. */
	private static long[] publications(List<UUID> applications) throws SQLException {
		try (Connection connection = database("elorda"); var statement = connection.prepareStatement("""
				select count(*), count(completion_date) from event_publication
				where event_type = ? and (serialized_event::jsonb ->> 'applicationId')::uuid = any(?)""")) {
			statement.setString(1, ApplicationSubmitted.class.getName());
			statement.setArray(2, connection.createArrayOf("uuid", applications.toArray()));
			try (var rs = statement.executeQuery()) {
				rs.next();
				return new long[] { rs.getLong(1), rs.getLong(2) };
			}
		}
	}

	// ----- HTTP

	private static String demoCitizenToken() throws IOException, InterruptedException {
		HttpResponse<String> session = login(Keycloak.DemoUser.CITIZEN);
		assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
		return json.readTree(session.body()).path("accessToken").asString();
	}

	/** DOMAIN I3 through the gateway: user type, account number, IIN and password. */
	private static HttpResponse<String> login(Keycloak.DemoUser user) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/identity/v1/sessions"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"userType":"CLIENT","accountNumber":"%s","iin":"%s","password":"%s"}"""
				.formatted(user.accountNumber, user.username, user.password)))
			.build());
	}

	private static HttpRequest get(String path, String token) {
		return HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
	}

	private static HttpRequest post(String path, String token, String body) {
		return HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode claims(String jwt) {
		return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
	}

	// ----- the report

	private static Map<String, Object> counts(Object... namesAndValues) {
		Map<String, Object> counts = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			counts.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return counts;
	}

	private static void report(String fault, Map<String, Object> counts) {
		String line = fault + ": " + counts.entrySet().stream().map(count -> count.getKey() + " " + count.getValue())
			.collect(Collectors.joining(", "));
		System.out.println(line);
		reports.add(line);
		assertThat(((Number) counts.get("lost")).longValue()).as(fault + ": lost").isZero();
		assertThat(((Number) counts.get("duplicated in effect")).longValue()).as(fault + ": duplicated in effect").isZero();
	}

}
