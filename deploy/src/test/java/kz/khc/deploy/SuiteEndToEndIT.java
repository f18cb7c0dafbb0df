package kz.khc.deploy;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.identity.v1.EmailVerified;
import kz.khc.contracts.identity.v1.PasswordChanged;
import kz.khc.contracts.identity.v1.UserRegistered;
import kz.khc.contracts.scoring.v1.DirectionIssued;
import kz.khc.deploy.bench.Api;
import kz.khc.deploy.providers.MailServer;
import kz.khc.deploy.providers.SmsSimulator;
import kz.khc.deploy.signing.NcaLayerPage;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real suite (PostgreSQL, Kafka, Keycloak and the six service jars) on free ports in a temporary directory
 * and drives it through the gateway, including a Kafka outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndIT {

	private static final String APPLICATIONS = "/api/elorda/v1/applications";
	private static final String STATISTICS = "/api/scoring/v1/statistics/submitted-applications";
	private static final String COUNTERS = "/api/elorda/v1/editions/current/counters";
	private static final Duration EVENTUALLY = Duration.ofMinutes(2);
	private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
	private static final Pattern HEALTHCARE = Pattern.compile("\"HEALTHCARE\"\\s*:\\s*(\\d+)");
	/** The notification service's consumer group (notification-service's application.yml). */
	private static final String NOTIFICATION_GROUP = "notification-service";
	private static final long DEMO_APPLICATIONS = DemoApplications.events().size() / 2;

	@TempDir
	static Path dataDir;

	private static LocalSuite suite;
	/** Staff's login: Keycloak's login page, the code to the gateway's address (nothing listens for it there). */
	private static OidcLogin staffLogin;
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void startSuite() {
		RunLocal.quietClientLogging();
		suite = LocalSuite.start(SuiteConfig.freePorts(dataDir));
		staffLogin = new OidcLogin(suite.keycloakUrl(), Keycloak.REALM, "elorda-web", suite.gatewayUrl() + "/");
		// the launcher's demo applications, sent at start: counted before the tests compare counts
		await().atMost(EVENTUALLY).until(() -> statistics().total() == DEMO_APPLICATIONS);
		System.out.printf("Suite started in %d s; RSS kB %s; PSS kB %s%n", suite.startupTime().toSeconds(), suite.rssKb(), suite.pssKb());
	}

	@AfterAll
	static void stopSuite() throws IOException {
		if (suite != null) {
			suite.close();
			keepLogs(suite.config().logDir(), Path.of("target", "e2e-logs"));
			// the same close() runs on Ctrl-C in the local run: nothing it started may outlive it
			assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::info))
					.isEmpty();
		}
	}

	/** The temporary data dir goes away with the test: its logs stay in {@code deploy/target/e2e-logs}. */
	private static void keepLogs(Path logs, Path kept) throws IOException {
		Files.createDirectories(kept);
		try (Stream<Path> files = Files.list(logs)) {
			for (Path log : files.toList()) {
				Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
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
	void aCitizenAppliesSignsIsVerifiedAndFollowsItOnTheTimeline() throws Exception {
		Counts before = statistics();
		long counted = number(TOTAL, get(COUNTERS, null).body());

		String citizen = token(Keycloak.DemoUser.CITIZEN);
		String iin = Keycloak.DemoUser.CITIZEN.username;
		String draft = draft(citizen, iin, "Ахметова Дана");

		// the citizen's page has NCALayer sign what the intake gives to sign: here the launcher's demo NCALayer
		String content = json.readTree(get(APPLICATIONS + "/" + draft + "/signing-content", citizen).body())
			.path("content").asString();
		String signature = NcaLayerPage.open(suite.ncaLayerUrl(), suite.gatewayUrl()).sign(iin, content);

		HttpResponse<String> submitted = post(suite.gatewayUrl() + APPLICATIONS + "/" + draft + "/submission", citizen,
				"{\"signature\":\"%s\"}".formatted(signature));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.body()).contains("\"status\":\"SUBMITTED\"");
		String application = APPLICATIONS + "/" + draft;
		assertThat(get(application, token(Keycloak.DemoUser.CITIZEN2)).statusCode()).as("another citizen's")
			.isEqualTo(404);
		assertThat(number(TOTAL, get(COUNTERS, null).body())).as("DOMAIN A5, without login").isEqualTo(counted + 1);
		await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(statistics()).isEqualTo(before.plus(1)));

		// the akimat sees scoring's assessment beside the application, then verifies it; the bank may not
		String officer = token(Keycloak.DemoUser.AKIMAT_OFFICER);
		await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(json.readTree(get(application, officer).body())
			.path("assessment").path("eligible").isBoolean()).isTrue());
		assertThat(post(suite.gatewayUrl() + application + "/verification", token(Keycloak.DemoUser.BANK_OFFICER), "{}")
			.statusCode()).isEqualTo(403);
		HttpResponse<String> verified = post(suite.gatewayUrl() + application + "/verification", officer,
				"{\"comment\":\"Документы проверены\"}");
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
		assertThat(verified.body()).contains("\"status\":\"VERIFIED\"");
		assertThat(get(application, officer).body()).as("DOMAIN A1's deadline for staff").contains("\"verificationDeadline\"");

		// the citizen follows it in Kazakh: submitted, assessed by scoring, verified by the akimat
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			HttpResponse<String> timeline = http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl()
					+ "/api/elorda/v1/my/applications/" + draft + "/timeline"))
				.header("Authorization", "Bearer " + citizen)
				.header("Accept-Language", "kk")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
			assertThat(json.readTree(timeline.body()).path("steps").findValuesAsString("kind"))
				.containsExactly("SUBMITTED", "ASSESSED", "VERIFIED");
		});
	}

	@Test
	@Order(4)
	void applicationsSubmittedDuringABrokerOutageArePublishedExactlyOnceAfterwards() throws Exception {
		int submissions = 10;
		Counts before = statistics();

		// one application per person (DOMAIN E2): ten citizens, as primary authorization would have made them
		var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
		String admin = api.adminToken();
		int first = ThreadLocalRandom.current().nextInt(1_000_000);
		List<String> tokens = new ArrayList<>();
		List<String> iins = new ArrayList<>();
		List<String> drafts = new ArrayList<>();
		for (int i = 0; i < submissions; i++) {
			String iin = Api.iin(first + i);
			String account = "1109%08d".formatted(first + i);
			api.ensureCitizen(admin, iin, account);
			tokens.add(api.citizenToken(iin, account));
			iins.add(iin);
			drafts.add(draft(tokens.getLast(), iin, "Заявитель " + (i + 1)));
		}

		suite.stopKafka();
		ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
		try {
			// one submission every 3 s: the broker stays down for the ~30 s the requests keep coming
			List<ScheduledFuture<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < submissions; i++) {
				int n = i;
				statuses.add(load.schedule(() -> submit(tokens.get(n), iins.get(n), drafts.get(n)).statusCode(), 3L * i,
						TimeUnit.SECONDS));
			}
			for (ScheduledFuture<Integer> status : statuses) {
				assertThat(status.get(1, TimeUnit.MINUTES)).as("submission without Kafka").isEqualTo(200);
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
		Matcher first = demoClientsFirstContract();
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

	/**
	 * Acting as the identity and the scoring service: the citizen registers (mobile, Kazakh), confirms an email
	 * address and gets a direction. The SMS goes to the provider simulator, which reports it delivered through the
	 * gateway; the letter with the PDF goes to the mail server; the inbox and the staff's delivery log show it. The
	 * same event again changes nothing.
	 */
	@Test
	@Order(7)
	void aDirectionReachesTheCitizenBySmsEmailAndInboxOnceAndTheReceiptMarksItDelivered() throws Exception {
		String citizen = token(Keycloak.DemoUser.CITIZEN);
		String personId = subject(citizen);
		String mobile = "+77011234567";
		String to = "77011234567";
		String email = "citizen.e2e+" + UUID.randomUUID().toString().substring(0, 8) + "@elorda.example";
		Instant now = Instant.now();
		// the applications of the earlier tests carry the citizen's contact too: let them be handled first
		awaitNotificationServiceConsumed(ApplicationSubmitted.TOPIC);

		UserRegistered registeredSample = sample(UserRegistered.TOPIC, UserRegistered.class);
		EmailVerified verifiedSample = sample(EmailVerified.TOPIC, EmailVerified.class);
		DirectionIssued issuedSample = sample(DirectionIssued.TOPIC, DirectionIssued.class);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
		var direction = new DirectionIssued(UUID.randomUUID(), now, UUID.randomUUID(),
				"EZD-%d-%06d".formatted(today.getYear(), ThreadLocalRandom.current().nextInt(1_000_000)),
				UUID.randomUUID(), issuedSample.applicationNumber(), personId, issuedSample.applicantName(),
				issuedSample.applicantIin(), issuedSample.category(), issuedSample.position(), issuedSample.points(),
				today, today.plusDays(ChronoUnit.DAYS.between(issuedSample.issuedOn(), issuedSample.bankVisitDeadline())),
				issuedSample.verificationCode());
		String number = direction.directionNumber();

		try (var producer = new KafkaProducer<>(Map.<String, Object>of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer())) {
			publish(producer, new UserRegistered(UUID.randomUUID(), now, personId, registeredSample.iin(),
					registeredSample.accountNumber(), registeredSample.userType(), mobile, "kk", now));
			publish(producer, new EmailVerified(UUID.randomUUID(), now, personId, verifiedSample.accountNumber(), email, now));
			// different topics have no order between them: the contact must be known before the direction comes
			awaitNotificationServiceConsumed(UserRegistered.TOPIC, EmailVerified.TOPIC);

			publish(producer, direction);

			await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(sms(to, number)).singleElement()
				.satisfies(sms -> assertThat(sms.text()).as("Kazakh").containsPattern("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")));
			await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(letters(email, number)).singleElement()
				.satisfies(letter -> assertThat(letter.attachments()).singleElement().satisfies(pdf -> {
					assertThat(pdf.contentType()).isEqualTo("application/pdf");
					assertThat(new String(pdf.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
				})));
			await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(inbox(citizen, number)).singleElement()
				.satisfies(message -> assertThat(message.path("attachments").values()).hasSize(1)));

			String operator = token(Keycloak.DemoUser.CABINET_OPERATOR);
			String deliveries = "/api/notifications/v1/deliveries?size=200&personId=" + encode(personId);
			await().atMost(EVENTUALLY).untilAsserted(() -> {
				HttpResponse<String> log = get(deliveries, operator);
				assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
				assertThat(items(log.body()).stream()
					.filter(delivery -> delivery.path("kind").asString().equals("DIRECTION_ISSUED"))
					.filter(delivery -> delivery.path("channel").asString().equals("SMS"))
					.toList()).singleElement().satisfies(delivery -> {
						assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
						assertThat(delivery.path("destination").asString()).contains("*").doesNotContain("1234567");
					});
				assertThat(log.body()).doesNotContain(to, email);
			});

			HttpResponse<String> mailbox = http.send(HttpRequest.newBuilder(URI.create(suite.mailboxUrl())).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(mailbox.statusCode()).isEqualTo(200);
			assertThat(mailbox.body()).contains(number, email, to);

			// a redelivery of the same event makes no second notification
			publish(producer, direction);
			awaitNotificationServiceConsumed(DirectionIssued.TOPIC);
			assertThat(inbox(citizen, number)).hasSize(1);
			// a later, unrelated event for the same person goes through; by then a duplicate SMS would be there too
			publish(producer, new PasswordChanged(UUID.randomUUID(), Instant.now(), personId,
					PasswordChanged.Reason.CHANGED, Instant.now()));
			await().atMost(EVENTUALLY).until(() -> suite.sms().received().stream()
				.anyMatch(sms -> sms.accepted() && sms.to().equals(to) && sms.text().contains("құпиясөз")));
			assertThat(sms(to, number)).hasSize(1);
			assertThat(letters(email, number)).hasSize(1);
		}
	}

	/**
	 * DOMAIN S4 and A1–A3 through the gateway. The launcher's demo applications (as the intake sends them) are
	 * assessed and ranked, every list publicly with masked IINs; the demo citizen, top of the healthcare list, sees
	 * the assessment and the position; the akimat sets the list's quota to 1 and issues the direction to the top;
	 * the bank finds it in its inbox and records a failed qualification; the next in the list has the direction at
	 * once, and the citizen's timeline shows both steps. Nobody acts outside their role.
	 */
	@Test
	@Order(12)
	void theBanksFailedQualificationGivesTheDirectionToTheNextInTheList() throws Exception {
		String lists = "/api/scoring/v1/programmes/elorda-zhastary/editions/2026/lists/";
		for (String category : List.of("HEALTHCARE", "EDUCATION", "CULTURE", "SPORT", "SOCIAL", "UNIVERSITIES_RESEARCH",
				"MEDIA", "MUNICIPAL", "POLICE", "EMERGENCY", "ORPHANS")) {
			await().atMost(EVENTUALLY).untilAsserted(() -> {
				HttpResponse<String> list = get(lists + category, null);
				assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
				assertThat(items(list.body())).as(category).hasSize(DemoApplications.PER_CATEGORY);
			});
		}
		String healthcare = lists + "HEALTHCARE";
		assertThat(items(get(healthcare, null).body()).getFirst().path("iin").asString())
			.startsWith(DemoApplications.DEMO_CITIZEN_IIN.substring(0, 2)).contains("*");

		String citizen = token(Keycloak.DemoUser.CITIZEN2);
		assertThat(subject(citizen)).isEqualTo(DemoApplications.DEMO_CITIZEN_ID);
		JsonNode application = json.readTree(get("/api/scoring/v1/my/applications", citizen).body()).get(0);
		assertThat(application.path("assessment").path("eligible").asBoolean()).isTrue();
		assertThat(application.path("reproduced").asBoolean()).isTrue();
		assertThat(json.readTree(get("/api/scoring/v1/my/positions", citizen).body()).get(0).path("position").asLong())
			.isEqualTo(1);

		String akimat = token(Keycloak.DemoUser.AKIMAT_OFFICER);
		String bank = token(Keycloak.DemoUser.BANK_OFFICER);
		assertThat(put(healthcare + "/quota", citizen, "{\"quota\":1}").statusCode()).isEqualTo(403);
		assertThat(put(healthcare + "/quota", akimat, "{\"quota\":1}").statusCode()).isEqualTo(200);
		HttpResponse<String> issued = post(suite.gatewayUrl() + healthcare + "/directions", akimat, "");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		String first = json.readTree(issued.body()).get(0).path("id").asString();

		HttpResponse<String> inbox = get("/api/scoring/v1/directions?status=ISSUED&size=200", bank);
		assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
		assertThat(items(inbox.body())).anySatisfy(direction -> {
			assertThat(direction.path("id").asString()).isEqualTo(first);
			assertThat(direction.path("iin").asString()).isEqualTo(DemoApplications.DEMO_CITIZEN_IIN);
		});
		assertThat(get("/api/scoring/v1/directions?status=ISSUED", citizen).statusCode()).isEqualTo(403);

		String outcomes = suite.gatewayUrl() + "/api/scoring/v1/directions/" + first + "/outcomes";
		assertThat(post(outcomes, akimat, "{\"outcome\":\"QUALIFICATION_FAILED\",\"reason\":\"x\"}").statusCode())
			.isEqualTo(403);
		HttpResponse<String> failed = post(outcomes, bank,
				"{\"outcome\":\"QUALIFICATION_FAILED\",\"reason\":\"Платёжеспособность не подтверждена\"}");
		assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);

		HttpResponse<String> directions = get(healthcare + "/directions", akimat);
		assertThat(json.readTree(directions.body()).values()).extracting(direction -> direction.path("status").asString())
			.containsExactlyInAnyOrder("FAILED", "ISSUED");
		JsonNode mine = json.readTree(get("/api/scoring/v1/my/directions", citizen).body()).get(0);
		assertThat(mine.path("steps").values()).extracting(step -> step.path("step").asString())
			.containsExactly("QUALIFICATION_FAILED", "ISSUED"); // newest first
	}

	/**
	 * Waits until the notification service has committed its offsets up to the end of these topics, i.e. handled
	 * every record on them, and parked none on their dead-letter topics.
	 */
	private static void awaitNotificationServiceConsumed(String... topics) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers()))) {
			await().atMost(EVENTUALLY).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(NOTIFICATION_GROUP)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				Map<TopicPartition, Long> ends = endOffsets(admin, List.of(topics));
				ends.forEach((partition, end) -> {
					OffsetAndMetadata done = committed.get(partition);
					assertThat(done == null ? 0 : done.offset()).as("consumed on " + partition).isGreaterThanOrEqualTo(end);
				});
			});
			Map<TopicPartition, Long> parked = endOffsets(admin, Arrays.stream(topics).map(topic -> topic + ".DLT").toList());
			assertThat(parked.values()).as("records parked on the dead-letter topics").allMatch(end -> end == 0);
		}
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
		Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		described.values().forEach(topic -> topic.partitions()
			.forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	/** As the producing services do: the aggregate id as the key, the event's headers, the record as JSON. */
	private static void publish(KafkaProducer<String, byte[]> producer, IntegrationEvent event) throws Exception {
		var record = new ProducerRecord<>(event.topic(), event.aggregateId(), json.writeValueAsBytes(event));
		event.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
		record.headers().add(new RecordHeader("traceparent", ("00-" + HexFormat.of().formatHex(random(16)) + "-"
				+ HexFormat.of().formatHex(random(8)) + "-01").getBytes(StandardCharsets.UTF_8)));
		producer.send(record).get(30, TimeUnit.SECONDS);
	}

	private static byte[] random(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return random;
	}

	/** The JSON sample of a topic's event, from contracts. */
	private static <T> T sample(String topic, Class<T> type) throws IOException {
		try (InputStream sample = IntegrationEvent.class.getResourceAsStream("/samples/" + topic + ".json")) {
			assertThat(sample).as("sample of " + topic).isNotNull();
			return json.readValue(sample, type);
		}
	}

	/** A client the core system sends the cabinet (by the operator's import), with no account at Keycloak yet. */
	private static final String NEW_CLIENT_IIN = "900101300017";
	private static final String NEW_CLIENT_ACCOUNT = "110000777001";
	private static final String NEW_CLIENT_MOBILE = "77071112233";
	private static final String NEW_CLIENT_PASSWORD = "Жаңа-құпия7";

	/**
	 * Primary authorization (DOMAIN I1, I2) through the gateway without a token: a client's five values pass the
	 * captcha simulator and the cabinet's check (identity-service's own Keycloak token), the code goes by SMS through
	 * the notification service to the provider simulator, the code from that SMS confirms the registration, the
	 * password makes the account at Keycloak, and the cabinet's login (DOMAIN I3) with it reads the client's own
	 * cabinet. Nobody can check the password at Keycloak directly, past identity-service's lock.
	 */
	@Test
	@Order(8)
	void aClientRegistersWithTheCodeFromTheSmsAndLogsInThroughTheGateway() throws Exception {
		String lines = """
				{"type":"client","accountNumber":"%1$s","iin":"%2$s","userType":"CLIENT","surname":"Омаров",\
				"firstName":"Ерлан","patronymic":null,"sex":"MALE","birthDate":"1990-01-01","idDocumentNumber":"045123456",\
				"idDocumentIssuedOn":"2018-03-01","idDocumentExpiresOn":"2028-02-29","idDocumentAuthority":"МВД РК",\
				"email":null,"emailVerified":false,"mobile":"+%3$s"}
				{"type":"contract","accountNumber":"%1$s","number":"ИК-2024/777001-1","kind":"MORTGAGE_LOAN",\
				"concludedOn":"2024-02-01","endsOn":"2044-02-01","collateralType":"Квартира",\
				"address":"г. Астана, пр. Туран, 5, кв. 7","amount":"15000000.00","paymentsCount":1,\
				"monthlyPayment":"120000.00","paymentDay":1,"accountBalance":"0.00",\
				"debt":{"penalty":"0.00","fine":"0.00","stateDuty":"0.00"},"schedule":[{"seq":1,"dueDate":"2044-02-01",\
				"payment":"120000.00","principal":"100000.00","interest":"20000.00","paidAmount":null,"paidOn":null,\
				"writtenOffAmount":null,"writtenOffOn":null}]}
				""".formatted(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, NEW_CLIENT_MOBILE);
		HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl()
						+ "/api/cabinet/v1/core-data/imports"))
					.header("Authorization", "Bearer " + token(Keycloak.DemoUser.CABINET_OPERATOR))
					.header("Content-Type", "application/x-ndjson")
					.POST(HttpRequest.BodyPublishers.ofString(lines))
					.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(imported.body()).as("import report").contains("\"applied\":2");
		assertThat(login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, NEW_CLIENT_PASSWORD).statusCode())
			.as("no account yet").isEqualTo(401);

		HttpResponse<String> started = postAnonymously("/api/identity/v1/registrations", """
				{"userType":"CLIENT","accountNumber":"%s","iin":"%s","contractNumber":"ИК-2024/777001-1",
				 "contractDate":"2024-02-01","mobile":"8 %s","captchaToken":"e2e","termsAccepted":true}"""
			.formatted(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, NEW_CLIENT_MOBILE.substring(1)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String challenge = json.readTree(started.body()).path("challengeId").asString();
		HttpResponse<String> confirmed = postAnonymously("/api/identity/v1/registrations/" + challenge + "/code",
				"{\"code\":\"" + nextCode(0) + "\"}");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.body()).contains("\"verified\":true");

		// DOMAIN I2: the password is set once and lives only at Keycloak; the new account reads its own cabinet
		HttpResponse<String> registered = postAnonymously("/api/identity/v1/registrations/" + challenge + "/password",
				"{\"password\":\"%1$s\",\"repeated\":\"%1$s\"}".formatted(NEW_CLIENT_PASSWORD));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		HttpResponse<String> session = login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, NEW_CLIENT_PASSWORD);
		assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
		HttpResponse<String> profile = get("/api/cabinet/v1/profile",
				json.readTree(session.body()).path("accessToken").asString());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
		assertThat(profile.body()).contains("\"accountNumber\":\"" + NEW_CLIENT_ACCOUNT + "\"", "Омаров");

		HttpResponse<String> bypass = http.send(HttpRequest.newBuilder(URI.create(suite.tokenUrl()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=elorda-web&username="
					+ NEW_CLIENT_IIN + "&password=" + encode(NEW_CLIENT_PASSWORD)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(bypass.statusCode()).as(bypass.body()).isIn(400, 401);
		assertThat(bypass.body()).doesNotContain("access_token");
	}

	/**
	 * DOMAIN I3 with the real Keycloak: five wrong passwords lock the login with the time to wait, the right one is
	 * refused while locked, the forgotten-password flow (a code to the registered mobile) sets a new password and
	 * clears the lock; the refresh token rotates, and logout ends the session.
	 */
	@Test
	@Order(10)
	void wrongPasswordsLockTheLoginAndAResetByCodeClearsIt() throws Exception {
		for (int attempt = 1; attempt <= 4; attempt++) {
			HttpResponse<String> refused = login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, "Wrong-pass" + attempt);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
			assertThat(refused.body()).contains("\"attemptsLeft\":" + (5 - attempt));
		}
		HttpResponse<String> locked = login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, "Wrong-pass5");
		assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
		assertThat(login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, NEW_CLIENT_PASSWORD).statusCode())
			.as("locked even for the right password").isEqualTo(429);

		int smsBefore = sms(NEW_CLIENT_MOBILE, "Код").size();
		HttpResponse<String> started = postAnonymously("/api/identity/v1/password-resets", """
				{"accountNumber":"%s","iin":"%s","mobile":"+%s","captchaToken":"e2e"}"""
			.formatted(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, NEW_CLIENT_MOBILE));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String reset = "/api/identity/v1/password-resets/" + json.readTree(started.body()).path("challengeId").asString();
		assertThat(postAnonymously(reset + "/code", "{\"code\":\"" + nextCode(smsBefore) + "\"}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> changed = postAnonymously(reset + "/password",
				"{\"password\":\"Тағы-жаңа8\",\"repeated\":\"Тағы-жаңа8\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

		assertThat(login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, NEW_CLIENT_PASSWORD).statusCode())
			.as("the old password no longer works").isEqualTo(401);
		HttpResponse<String> session = login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, "Тағы-жаңа8");
		assertThat(session.statusCode()).as("the reset cleared the lock: " + session.body()).isEqualTo(200);

		String first = json.readTree(session.body()).path("refreshToken").asString();
		HttpResponse<String> refreshed = refresh(first);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		String second = json.readTree(refreshed.body()).path("refreshToken").asString();
		assertThat(refresh(first).statusCode()).as("a refresh token works once").isEqualTo(401);
		assertThat(postAnonymously("/api/identity/v1/sessions/logout", "{\"refreshToken\":\"" + second + "\"}")
			.statusCode()).isEqualTo(204);
		assertThat(refresh(second).statusCode()).as("logged out").isEqualTo(401);
	}

	/**
	 * DOMAIN I4 end to end: the signed-in client enters an email, the letter with the link reaches the mail server,
	 * following the link confirms it, and the cabinet's profile shows the address verified.
	 */
	@Test
	@Order(11)
	void anEmailConfirmedByTheLinkInTheLetterShowsVerifiedInTheCabinet() throws Exception {
		String token = json.readTree(login(NEW_CLIENT_ACCOUNT, NEW_CLIENT_IIN, "Тағы-жаңа8").body()).path("accessToken")
			.asString();
		HttpResponse<String> requested = http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl()
						+ "/api/identity/v1/me/email"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"email\":\"erlan.omarov@example.kz\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);

		await().atMost(EVENTUALLY).until(() -> !letters("erlan.omarov@example.kz", "Подтвердите").isEmpty());
		Matcher link = Pattern.compile("\\?token=([\\w.-]+)")
			.matcher(letters("erlan.omarov@example.kz", "Подтвердите").getFirst().text());
		assertThat(link.find()).isTrue();
		String confirmation = "{\"token\":\"" + link.group(1) + "\"}";
		HttpResponse<String> confirmed = postAnonymously("/api/identity/v1/email-confirmations", confirmation);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(get("/api/cabinet/v1/profile", token).body())
			.contains("\"email\":\"erlan.omarov@example.kz\"", "\"emailVerified\":true"));
		assertThat(postAnonymously("/api/identity/v1/email-confirmations", confirmation).statusCode())
			.as("the link works once").isEqualTo(409);
	}

	private HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
		return postAnonymously("/api/identity/v1/sessions/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
	}

	/** The code of the next SMS to the new client's mobile after {@code seen} code messages, once it arrives. */
	private static String nextCode(int seen) {
		await().atMost(EVENTUALLY).until(() -> sms(NEW_CLIENT_MOBILE, "Код").size() > seen);
		// the simulator lists the newest first
		Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(sms(NEW_CLIENT_MOBILE, "Код").getFirst().text());
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	@Test
	@Order(9)
	void staffLogInThroughKeycloaksLoginPageWithAuthorizationCodeAndPkce() throws Exception {
		for (Keycloak.DemoUser officer : List.of(Keycloak.DemoUser.AKIMAT_OFFICER, Keycloak.DemoUser.BANK_OFFICER)) {
			OidcLogin.Tokens tokens = staffLogin.login(officer.username, officer.password);

			JsonNode claims = claims(tokens.accessToken());
			assertThat(claims.path("roles").values()).extracting(JsonNode::asString).containsExactly(officer.role);
			JsonNode audience = claims.path("aud");
			assertThat(audience.isArray() ? audience.values().stream().map(JsonNode::asString).toList()
					: List.of(audience.asString())).contains("elorda-api");
			assertThat(claims.path("azp").asString()).isEqualTo("elorda-web");
			assertThat(claims.path("preferred_username").asString()).isEqualTo(officer.username);
			assertThat(tokens.refreshToken()).isNotEmpty();
		}

		String redirectUri = suite.gatewayUrl() + "/";
		String withoutChallenge = suite.issuerUri() + "/protocol/openid-connect/auth?response_type=code"
				+ "&client_id=elorda-web&scope=openid&state=e2e&redirect_uri=" + encode(redirectUri);
		String plain = withoutChallenge + "&code_challenge=" + "e2e-plain-challenge-".repeat(3) + "&code_challenge_method=plain";
		for (String authorization : List.of(withoutChallenge, plain)) {
			HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(authorization)).build(),
					HttpResponse.BodyHandlers.ofString());
			// the redirect URI is valid, so the error goes there (RFC 6749 4.1.2.1), not to an error page
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(302);
			String location = refused.headers().firstValue("Location").orElseThrow();
			assertThat(location).startsWith(redirectUri);
			assertThat(query(location)).as(location)
				.containsEntry("error", "invalid_request")
				.containsEntry("state", "e2e")
				.doesNotContainKey("code");
		}

		assertThatThrownBy(() -> staffLogin.login(Keycloak.DemoUser.BANK_OFFICER.username, "not-the-password"))
			.hasMessageContaining("showed the login form again")
			.hasMessageContaining("Invalid username or password");
	}

	private static Map<String, String> query(String uri) {
		Map<String, String> parameters = new HashMap<>();
		for (String pair : URI.create(uri).getRawQuery().split("&")) {
			String[] nameValue = pair.split("=", 2);
			parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
		}
		return parameters;
	}

	/** The demo client's first contract as the cabinet shows it: group 1 its number, group 2 its date. */
	private Matcher demoClientsFirstContract() throws IOException, InterruptedException {
		String contracts = get("/api/cabinet/v1/contracts", token(Keycloak.DemoUser.CITIZEN)).body();
		Matcher first = Pattern.compile("\"number\":\"([^\"]+)\",\"kind\":\"[^\"]+\",\"concludedOn\":\"([^\"]+)\"")
			.matcher(contracts);
		assertThat(first.find()).as(contracts).isTrue();
		return first;
	}

	private HttpResponse<String> postAnonymously(String path, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The SMS the provider took for this number whose text mentions {@code mentioning}. */
	private static List<SmsSimulator.Sms> sms(String to, String mentioning) {
		return suite.sms().received().stream()
			.filter(sms -> sms.accepted() && sms.to().equals(to) && sms.text().contains(mentioning))
			.toList();
	}

	private static List<MailServer.Email> letters(String to, String mentioning) {
		return suite.mail().received().stream()
			.filter(letter -> letter.to().contains(to) && letter.subject().contains(mentioning))
			.toList();
	}

	/** The citizen's inbox messages about this direction. */
	private List<JsonNode> inbox(String token, String directionNumber) throws IOException, InterruptedException {
		HttpResponse<String> inbox = get("/api/notifications/v1/my/messages?size=100", token);
		assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
		return items(inbox.body()).stream()
			.filter(message -> message.path("kind").asString().equals("DIRECTION_ISSUED"))
			.filter(message -> message.path("subject").asString().contains(directionNumber))
			.toList();
	}

	private static List<JsonNode> items(String page) {
		return List.copyOf(json.readTree(page).path("items").values());
	}

	/** The token's {@code sub}: the user id at Keycloak, which the other services know the person by. */
	private static String subject(String jwt) {
		return claims(jwt).path("sub").asString();
	}

	private static JsonNode claims(String jwt) {
		return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
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

	private static Counts statistics() throws IOException, InterruptedException {
		HttpResponse<String> response = get(STATISTICS, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new Counts(number(TOTAL, response.body()), number(HEALTHCARE, response.body()));
	}

	/**
	 * A healthcare worker's application without family, as the citizen's browser saves it, with the documents the
	 * standard terms ask of her, each a scan issued today: the draft's id.
	 */
	private String draft(String token, String iin, String fullName) throws IOException, InterruptedException {
		HttpResponse<String> draft = post(suite.gatewayUrl() + APPLICATIONS, token,
				Api.HEALTHCARE_FORM.formatted(fullName));
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		String id = json.readTree(draft.body()).path("id").asString();
		var api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
		for (String type : List.of("CIVIL_STATUS_CERTIFICATE", "NO_PROPERTY_CERTIFICATE", "EMPLOYMENT_CERTIFICATE",
				"WORK_RECORD", "PENSION_STATEMENT", "DEPOSIT_CERTIFICATE", "INCOME_CERTIFICATE", "DIPLOMA")) {
			HttpResponse<String> uploaded = api.upload(token, id, type, iin, LocalDate.now(ZoneId.of("Asia/Almaty")));
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		}
		return id;
	}

	/** The draft submitted with the citizen's signature by the demo CA over what the intake gives to sign. */
	private HttpResponse<String> submit(String token, String iin, String draft) throws IOException, InterruptedException {
		HttpResponse<String> toSign = get(APPLICATIONS + "/" + draft + "/signing-content", token);
		assertThat(toSign.statusCode()).as(toSign.body()).isEqualTo(200);
		byte[] content = Base64.getDecoder().decode(json.readTree(toSign.body()).path("content").asString());
		return post(suite.gatewayUrl() + APPLICATIONS + "/" + draft + "/submission", token, "{\"signature\":\"%s\"}"
			.formatted(Base64.getEncoder().encodeToString(suite.demoCa().sign(iin, content))));
	}

	private HttpResponse<String> put(String path, String token, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Staff through Keycloak's login page (authorization code + PKCE), citizens through the cabinet's login at the
	 * gateway (identity-service), as each really logs in.
	 */
	private String token(Keycloak.DemoUser user) throws IOException, InterruptedException {
		return user.staff() ? staffLogin.login(user.username, user.password).accessToken()
				: json.readTree(login(user.accountNumber, user.username, user.password).body()).path("accessToken")
					.asString();
	}

	/** DOMAIN I3 through the gateway: user type, account number, IIN and password. */
	private HttpResponse<String> login(String accountNumber, String iin, String password)
			throws IOException, InterruptedException {
		return postAnonymously("/api/identity/v1/sessions", """
				{"userType":"CLIENT","accountNumber":"%s","iin":"%s","password":"%s"}"""
			.formatted(accountNumber, iin, password));
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
