package kz.khc.elorda.timeline;

import static kz.khc.elorda.applications.IntakeTestConfiguration.CLOCK;
import static kz.khc.elorda.applications.IntakeTestConfiguration.SIGNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.contracts.scoring.v1.ApplicationAssessed;
import kz.khc.contracts.scoring.v1.BankOutcomeRecorded;
import kz.khc.contracts.scoring.v1.DirectionIssued;
import kz.khc.elorda.applications.IntakeTestConfiguration;
import kz.khc.elorda.applications.OpenEdition;
import kz.khc.elorda.documents.DocumentPackage;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Editions;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The timeline on the whole service, against real PostgreSQL and a real Kafka broker: an application submitted
 * through HTTP, the intake's own steps heard in the transaction of the change, the scoring service's events sent to
 * their topics as it sends them (its JSON samples, each event's facts changed), each counted once; the applicant's
 * view in ru, kk and en and nobody else's; the akimat's view of the latest assessment; an event about an unknown
 * application ignored and an unreadable one parked, the consumer going on after both.
 */
@Import(IntakeTestConfiguration.class)
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.listener.auto-startup=true", "spring.kafka.admin.auto-create=true",
		"spring.kafka.producer.properties.max.block.ms=5000", "elorda.events.retry-interval=10ms" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext // closes the embedded broker before JVM exit, where Kafka's own hook deletes its files under it
class TimelineIT {

	static final String APPLICANT = "950312400238";
	static final String SECOND = "941122400028";
	static final String SECOND_SPOUSE = "970707300034";
	static final String OTHER = "930720300018";
	static final Duration PATIENCE = Duration.ofSeconds(20);
	@Autowired
	MockMvc mvc;

	@Autowired
	Editions editions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Assessments assessments;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	Edition edition;

	@BeforeEach
	void openEdition() {
		edition = OpenEdition.open(editions, CLOCK);
	}

	/** A submitted application as the test sees it. */
	record Submitted(UUID id, String number, Instant at, String applicant, String iin) {

		Instant plus(Duration duration) {
			return at.plus(duration);
		}
	}

	@Test
	void theApplicantFollowsTheirApplicationFromSubmissionToTheBankInTheirLanguage() throws Exception {
		Submitted application = submit(APPLICANT);
		timeline(application, "ru").andExpect(status().isOk())
			.andExpect(jsonPath("$.applicationNumber").value(application.number()))
			.andExpect(jsonPath("$.steps[*].kind").value(contains("SUBMITTED")))
			.andExpect(jsonPath("$.steps[0].title").value("Заявка подана"))
			.andExpect(jsonPath("$.steps[0].description").value(containsString(application.number())));

		// later steps are sent newest first: the timeline's order is the order they happened in
		send(BankOutcomeRecorded.TOPIC, application, Duration.ofDays(12), event -> {
			event.put("outcome", "QUALIFICATION_PASSED");
			event.put("housingDeadline", "2027-02-10");
			event.put("recordedAt", application.plus(Duration.ofDays(12)).toString());
		});
		send(DirectionIssued.TOPIC, application, Duration.ofDays(10), event -> {
			event.put("directionNumber", "EZD-2026-000077");
			event.put("bankVisitDeadline", "2026-12-12");
		});
		verify(application, application.plus(Duration.ofDays(2)));
		send(ApplicationAssessed.TOPIC, application, Duration.ofMinutes(1), event -> {
		});
		awaitSteps(application, 5);

		timeline(application, "ru").andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[*].kind")
				.value(contains("SUBMITTED", "ASSESSED", "VERIFIED", "DIRECTION_ISSUED", "BANK_OUTCOME")))
			.andExpect(jsonPath("$.steps[1].title").value("Заявка оценена автоматически"))
			.andExpect(jsonPath("$.steps[1].description").value(containsString("баллов: 33")))
			.andExpect(jsonPath("$.steps[2].title").value("Заявка проверена акиматом"))
			.andExpect(jsonPath("$.steps[2].occurredAt").value(application.plus(Duration.ofDays(2)).toString()))
			.andExpect(jsonPath("$.steps[3].title").value("Выдано направление в Отбасы банк"))
			.andExpect(jsonPath("$.steps[3].description")
				.value(containsString("Направление в Отбасы банк № EZD-2026-000077: явиться до 12.12.2026")))
			.andExpect(jsonPath("$.steps[3].details.bankVisitDeadline").value("2026-12-12"))
			.andExpect(jsonPath("$.steps[3].details.directionNumber").value("EZD-2026-000077"))
			.andExpect(jsonPath("$.steps[4].title").value("Платёжеспособность подтверждена"))
			.andExpect(jsonPath("$.steps[4].description").value(containsString("до 10.02.2027")));
		timeline(application, "kk").andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[0].title").value("Өтінім берілді"))
			.andExpect(jsonPath("$.steps[2].title").value("Өтінімді әкімдік тексерді"))
			.andExpect(jsonPath("$.steps[3].description").value(containsString("12.12.2026 дейін")));
		timeline(application, "en").andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[2].title").value("Application verified by the akimat"))
			.andExpect(jsonPath("$.steps[3].title").value("Direction to Otbasy bank issued"))
			.andExpect(jsonPath("$.steps[3].description").value(containsString("by 12.12.2026")));
	}

	@Test
	void aRedeliveredEventAddsNothing() throws Exception {
		Submitted application = submit(APPLICANT);
		ObjectNode assessed = send(ApplicationAssessed.TOPIC, application, Duration.ofMinutes(1), event -> {
		});
		sendAgain(ApplicationAssessed.TOPIC, assessed);
		// the next event of the same application comes after both on the partition: once it is in, both were read
		send(ApplicationAssessed.TOPIC, application, Duration.ofMinutes(2), event -> {
		});
		verify(application, application.plus(Duration.ofDays(1)));
		verify(application, application.plus(Duration.ofDays(1)), UUID.fromString(stepSource(application,
				"VERIFIED")));
		awaitSteps(application, 4);

		assertThat(jdbc.sql("select count(*) from application_step where source_event_id = ?::uuid")
			.param(assessed.get("eventId").asString())
			.query(Long.class)
			.single()).isEqualTo(1);
		timeline(application, "ru").andExpect(jsonPath("$.steps[*].kind")
			.value(contains("SUBMITTED", "ASSESSED", "ASSESSED", "VERIFIED")));
	}

	@Test
	void nobodyButTheApplicantSeesTheTimelineAndOnlyTheAkimatTheAssessment() throws Exception {
		Submitted application = submit(APPLICANT);
		String timeline = "/api/elorda/v1/my/applications/" + application.id() + "/timeline";
		String assessment = "/api/elorda/v1/applications/" + application.id() + "/assessment";

		mvc.perform(get(timeline).with(citizen("somebody-else", OTHER)).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"))
			.andExpect(jsonPath("$.title").value("Not found"));
		mvc.perform(get(timeline).with(as("bank-officer"))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("forbidden"));
		mvc.perform(get(timeline).with(as("akimat-officer"))).andExpect(status().isForbidden());
		mvc.perform(get(timeline)).andExpect(status().isUnauthorized());
		mvc.perform(get(assessment).with(as("bank-officer"))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("forbidden"));
		mvc.perform(get(assessment).with(citizen(application.applicant(), APPLICANT)))
			.andExpect(status().isForbidden());
		mvc.perform(get(assessment)).andExpect(status().isUnauthorized());

		mvc.perform(get("/api/elorda/v1/my/applications/" + UUID.randomUUID() + "/timeline")
			.with(citizen(application.applicant(), APPLICANT))).andExpect(status().isNotFound());
		mvc.perform(get("/api/elorda/v1/my/applications/not-a-uuid/timeline")
			.with(citizen(application.applicant(), APPLICANT)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(get("/api/elorda/v1/applications/" + UUID.randomUUID() + "/assessment").with(officer()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));

		// a draft has no timeline yet, for its applicant neither
		String draft = json.readTree(mvc.perform(post("/api/elorda/v1/applications").with(citizen(OTHER))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("id").asString();
		mvc.perform(get("/api/elorda/v1/my/applications/" + draft + "/timeline").with(citizen(OTHER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAkimatSeesTheLatestAssessmentWhateverOrderItsEventsCameIn() throws Exception {
		Submitted first = submit(APPLICANT);
		Submitted second = submit(SECOND);
		String assessment = "/api/elorda/v1/applications/" + first.id() + "/assessment";
		mvc.perform(get(assessment).with(officer()).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-assessed"))
			.andExpect(jsonPath("$.title").value("Not yet assessed"));
		assertThat(assessments.latest(first.id())).isEmpty();

		send(ApplicationAssessed.TOPIC, first, Duration.ofHours(1), event -> fail(event, 0, "E4", "E7"));
		send(ApplicationAssessed.TOPIC, first, Duration.ofHours(2), event -> event.put("rulesVersion", "newest"));
		send(ApplicationAssessed.TOPIC, first, Duration.ofMinutes(30), event -> fail(event, 0, "E1")); // late
		send(ApplicationAssessed.TOPIC, second, Duration.ofHours(1), event -> fail(event, 5, "E4"));
		awaitSteps(first, 4);
		awaitSteps(second, 2);

		mvc.perform(get(assessment).with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.applicationNumber").value(first.number()))
			.andExpect(jsonPath("$.eligible").value(true))
			.andExpect(jsonPath("$.points").value(33))
			.andExpect(jsonPath("$.failedCriteria").isEmpty())
			.andExpect(jsonPath("$.breakdown[*].code").value(contains("S1", "S2")))
			.andExpect(jsonPath("$.rulesVersion").value("newest"))
			.andExpect(jsonPath("$.edition").value("2026"))
			.andExpect(jsonPath("$.asOf").value("2026-03-02"))
			.andExpect(jsonPath("$.assessedAt").value(first.plus(Duration.ofHours(2)).toString()));
		mvc.perform(get("/api/elorda/v1/applications/" + second.id() + "/assessment").with(officer())
			.header("Accept-Language", "kk"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.eligible").value(false))
			.andExpect(jsonPath("$.points").value(5))
			.andExpect(jsonPath("$.failedCriteria[0].code").value("E4"))
			.andExpect(jsonPath("$.failedCriteria[0].name").value("Отбасы банктегі салымдар қарыздың кемінде 10 %"));

		UUID never = UUID.randomUUID();
		Map<UUID, Assessments.Assessment> latest = assessments.latest(List.of(first.id(), second.id(), never));
		assertThat(latest).containsOnlyKeys(first.id(), second.id());
		assertThat(latest.get(first.id()).rulesVersion()).isEqualTo("newest");
		assertThat(latest.get(second.id()).failedCriteria()).containsExactly("E4");
		assertThat(latest.get(second.id()).eligible()).isFalse();
		assertThat(assessments.latest(List.of())).isEmpty();
		assertThat(assessments.latest(first.id())).contains(latest.get(first.id()));
		// each call gives its connection back (a lazily read result kept it: the staff's screens drained the pool)
		for (int call = 0; call <= dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(); call++) {
			assertThat(assessments.latest(List.of(first.id()))).hasSize(1);
		}
	}

	@Test
	void anEventAboutAnApplicationNeverTakenHereIsIgnoredAndTheConsumerGoesOn() throws Exception {
		Submitted application = submit(APPLICANT);
		Submitted stranger = new Submitted(UUID.randomUUID(), "EZ-2026-999999", application.at(), "nobody", OTHER);
		double ignored = ignored(DirectionIssued.TOPIC);

		ObjectNode foreign = send(DirectionIssued.TOPIC, stranger, Duration.ofDays(1), event -> {
		});
		send(DirectionIssued.TOPIC, application, Duration.ofDays(1), event -> {
		});

		awaitSteps(application, 2);
		await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from processed_event where event_id = ?::uuid")
			.param(foreign.get("eventId").asString())
			.query(Long.class)
			.single() == 1);
		assertThat(jdbc.sql("select count(*) from application_step where application_id = ?")
			.param(stranger.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(ignored(DirectionIssued.TOPIC)).isEqualTo(ignored + 1);
	}

	@Test
	void anUnreadableEventIsParkedOnItsDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
		Submitted application = submit(APPLICANT);
		String deadLetters = BankOutcomeRecorded.TOPIC + ".DLT";
		try (Consumer<String, byte[]> parked = consumer(deadLetters)) {
			kafka.send(new ProducerRecord<>(BankOutcomeRecorded.TOPIC, "poison",
					"{not json".getBytes(StandardCharsets.UTF_8))).get();
			ObjectNode noApplication = sample(BankOutcomeRecorded.TOPIC);
			noApplication.put("eventId", UUID.randomUUID().toString());
			noApplication.remove("applicationId");
			kafka.send(new ProducerRecord<>(BankOutcomeRecorded.TOPIC, "no-application",
					json.writeValueAsBytes(noApplication))).get();
			send(BankOutcomeRecorded.TOPIC, application, Duration.ofDays(20), event -> {
				event.put("outcome", "LOAN_ISSUED");
				event.put("recordedAt", application.plus(Duration.ofDays(20)).toString());
			});

			awaitSteps(application, 2);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				KafkaTestUtils.getRecords(parked, Duration.ofMillis(500)).forEach(records::add);
				return records.size() >= 2;
			});
			assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("poison", "no-application");
			assertThat(records).allSatisfy(
					record -> assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull());
			assertThat(jdbc.sql("select count(*) from processed_event where event_id = ?::uuid")
				.param(noApplication.get("eventId").asString())
				.query(Long.class)
				.single()).as("a parked event is not processed: it may be replayed").isZero();
		}
	}

	@Test
	void theIntakesOwnStepsCommitOrRollBackWithTheirChange() throws Exception {
		Submitted application = submit(APPLICANT);
		ApplicationRejected rejected = new ApplicationRejected(UUID.randomUUID(), application.plus(Duration.ofDays(3)),
				application.id(), application.number(), application.applicant(), ProgrammeCategory.HEALTHCARE, "E4",
				"Сумма вкладов меньше 10 % займа", application.plus(Duration.ofDays(3)));

		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			events.publishEvent(rejected);
			throw new IllegalStateException("the rejection failed after its event");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(stepCount(application)).isEqualTo(1);
		assertThatThrownBy(() -> events.publishEvent(rejected)).as("never outside the change's transaction")
			.isInstanceOf(RuntimeException.class);
		assertThat(stepCount(application)).isEqualTo(1);

		new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(rejected));
		timeline(application, "kk").andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[*].kind").value(contains("SUBMITTED", "REJECTED")))
			.andExpect(jsonPath("$.steps[1].title").value("Өтінімді әкімдік қабылдамады"))
			.andExpect(jsonPath("$.steps[1].description")
				.value("«Отбасы банктегі салымдар қарыздың кемінде 10 %» шарты орындалмады. Әкімдіктің түсініктемесі: "
						+ "Сумма вкладов меньше 10 % займа"))
			.andExpect(jsonPath("$.steps[1].details.reasonCode").value("E4"));
	}

	// --- the intake, as the applicant and the akimat use it

	private Submitted submit(String iin) throws Exception {
		RequestPostProcessor citizen = citizen(iin);
		String id = json.readTree(mvc.perform(post("/api/elorda/v1/applications").with(citizen)
			.contentType(MediaType.APPLICATION_JSON)
			.content(form(iin).toString())).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString()).get("id").asString();
		ObjectNode form = form(iin);
		DocumentPackage.uploadAll(mvc, citizen, id, DocumentPackage.complete(iin,
				form.get("family").get(0).get("iin").asString(), form.get("family").get(1).get("iin").asString(),
				LocalDate.now(CLOCK)));
		JsonNode submitted = json.readTree(mvc.perform(SIGNING.submission(mvc, id, citizen, iin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		return new Submitted(UUID.fromString(id), submitted.get("number").asString(),
				Instant.parse(submitted.get("submittedAt").asString()), subject(iin), iin);
	}

	/** The fixture's form; the second applicant's family is another (a family applies once in an edition). */
	private ObjectNode form(String iin) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/applications/complete-form.json")) {
			ObjectNode form = (ObjectNode) json.readTree(in);
			if (iin.equals(SECOND)) {
				((ObjectNode) ((ArrayNode) form.get("family")).get(0)).put("iin", SECOND_SPOUSE);
			}
			return form;
		}
	}

	/** What the akimat's verification publishes, in its transaction (another feature's; not on this branch). */
	private void verify(Submitted application, Instant at) {
		verify(application, at, UUID.randomUUID());
	}

	private void verify(Submitted application, Instant at, UUID eventId) {
		new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new ApplicationVerified(
				eventId, at, application.id(), application.number(), application.applicant(),
				ProgrammeCategory.HEALTHCARE, 33, at)));
	}

	// --- the scoring service's events, as it sends them

	interface Change {

		void apply(ObjectNode event);
	}

	/** The topic's sample about this application, with a new event id, happening that long after its submission. */
	private ObjectNode send(String topic, Submitted application, Duration after, Change change) throws Exception {
		ObjectNode event = sample(topic);
		event.put("eventId", UUID.randomUUID().toString());
		event.put("occurredAt", application.plus(after).toString());
		event.put("applicationId", application.id().toString());
		if (event.has("applicationNumber")) {
			event.put("applicationNumber", application.number());
		}
		event.put("applicantId", application.applicant());
		change.apply(event);
		sendAgain(topic, event);
		return event;
	}

	/** Keyed as the scoring service keys it: by the aggregate, the application or the direction. */
	private void sendAgain(String topic, ObjectNode event) throws Exception {
		String key = event.has("directionId") ? event.get("directionId").asString()
				: event.get("applicationId").asString();
		kafka.send(new ProducerRecord<>(topic, key, json.writeValueAsBytes(event))).get();
	}

	private static void fail(ObjectNode assessed, int points, String... codes) {
		assessed.put("eligible", false);
		assessed.put("points", points);
		for (JsonNode criterion : assessed.get("criteria")) {
			boolean failed = List.of(codes).contains(criterion.get("code").asString());
			((ObjectNode) criterion).put("passed", !failed);
		}
	}

	private ObjectNode sample(String topic) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/samples/" + topic + ".json")) {
			return (ObjectNode) json.readTree(in);
		}
	}

	private Consumer<String, byte[]> consumer(String topic) {
		Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
				Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString(), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	// --- what the test looks at

	private ResultActions timeline(Submitted application, String language) throws Exception {
		return mvc.perform(get("/api/elorda/v1/my/applications/" + application.id() + "/timeline")
			.with(citizen(application.applicant(), application.iin()))
			.header("Accept-Language", language));
	}

	private void awaitSteps(Submitted application, int count) {
		await().atMost(PATIENCE).until(() -> stepCount(application) == count);
	}

	private long stepCount(Submitted application) {
		return jdbc.sql("select count(*) from application_step where application_id = ?")
			.param(application.id())
			.query(Long.class)
			.single();
	}

	private String stepSource(Submitted application, String kind) {
		return jdbc.sql("select source_event_id::text from application_step where application_id = ? and kind = ?")
			.params(application.id(), kind)
			.query(String.class)
			.single();
	}

	private double ignored(String topic) {
		Counter counter = meters.find("elorda.timeline.events.ignored").tag("topic", topic).counter();
		return counter == null ? 0 : counter.count();
	}

	private String subject(String iin) {
		return "c-" + iin + "-" + edition.id();
	}

	private RequestPostProcessor citizen(String iin) {
		return citizen(subject(iin), iin);
	}

	private static RequestPostProcessor citizen(String subject, String iin) {
		return jwt().jwt(token -> token.subject(subject).claim("preferred_username", iin)
			.claim("roles", List.of("citizen"))).authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}

	private static RequestPostProcessor officer() {
		return as("akimat-officer");
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(role + "-1").claim("roles", List.of(role)))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
