package kz.khc.scoring.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.contracts.scoring.v1.ApplicationAssessed;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consumer side of the intake's events, against a real broker and real PostgreSQL: it reads the producer's JSON
 * samples, counts each submission once however often it arrives, ranks a verified application whichever event comes
 * first and publishes its assessment, and parks what it cannot read on the dead-letter topic without stopping.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.listener.auto-startup=true", "spring.kafka.admin.auto-create=true",
		"spring.kafka.producer.properties.max.block.ms=5000", "scoring.events.retry-interval=10ms" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext // closes the embedded broker before JVM exit, where Kafka's own hook deletes its files under it
@ExtendWith(OutputCaptureExtension.class)
class IntakeEventsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void countsEachSubmittedApplicationOnceAndShowsThemPublicly() throws Exception {
		ObjectNode sample = sample();
		sample.put("category", "CULTURE");
		long before = total();
		long processedBefore = jdbc.sql("select count(*) from processed_event").query(Long.class).single();

		send(sample);
		send(sample); // redelivered: same event id
		ObjectNode second = sample.deepCopy();
		second.put("eventId", UUID.randomUUID().toString());
		second.put("applicationId", UUID.randomUUID().toString());
		second.put("category", "ORPHANS");
		send(second);

		await().atMost(Duration.ofSeconds(20)).until(() -> total() == before + 2);
		assertThat(jdbc.sql("select count(*) from processed_event").query(Long.class).single())
			.isEqualTo(processedBefore + 2);
		mvc.perform(get("/api/scoring/v1/statistics/submitted-applications"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(before + 2))
			.andExpect(jsonPath("$.byCategory.CULTURE").value(1))
			.andExpect(jsonPath("$.byCategory.ORPHANS").value(1))
			.andExpect(jsonPath("$.byCategory.MEDIA").value(0));
	}

	@Test
	void aVerificationBeforeItsSubmissionStillRanksTheApplicationAndTheAssessmentIsPublished() throws Exception {
		Consumer<String, byte[]> assessments = consumer(ApplicationAssessed.TOPIC);
		String id = UUID.randomUUID().toString();
		ObjectNode submitted = sample();
		submitted.put("eventId", UUID.randomUUID().toString());
		submitted.put("applicationId", id);
		submitted.put("applicationNumber", "EZ-K-" + id.substring(0, 8));
		ObjectNode verified = sample(ApplicationVerified.TOPIC);
		verified.put("eventId", UUID.randomUUID().toString());
		verified.put("applicationId", id);
		verified.put("applicationNumber", "EZ-K-" + id.substring(0, 8));

		send(ApplicationVerified.TOPIC, verified);
		send(ApplicationSubmitted.TOPIC, submitted);

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("select count(*) from ranked_application where application_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single() == 1);
		List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			KafkaTestUtils.getRecords(assessments, Duration.ofMillis(500)).forEach(published::add);
			return published.stream().anyMatch(record -> id.equals(record.key()));
		});
		ApplicationAssessed event = json.readValue(published.stream()
			.filter(record -> id.equals(record.key()))
			.findFirst()
			.orElseThrow()
			.value(), ApplicationAssessed.class);
		assertThat(event.eligible()).isTrue();
		assertThat(event.points()).isEqualTo(33); // 4 full years and a part in healthcare (S1 23), a disabled child (S2 10)
		assertThat(event.edition()).isEqualTo("2026");
		assessments.close();
	}

	@Test
	void unreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsStillCounted() throws Exception {
		Consumer<String, byte[]> deadLetters = consumer(ApplicationSubmitted.TOPIC + ".DLT");
		long before = total();

		kafka.send(new ProducerRecord<>(ApplicationSubmitted.TOPIC, "poison",
				"{not json".getBytes(StandardCharsets.UTF_8))).get();
		ObjectNode next = sample();
		next.put("eventId", UUID.randomUUID().toString());
		next.put("applicationId", UUID.randomUUID().toString());
		send(next);

		ConsumerRecord<String, byte[]> parked = KafkaTestUtils.getSingleRecord(deadLetters,
				ApplicationSubmitted.TOPIC + ".DLT", Duration.ofSeconds(20));
		assertThat(parked.key()).isEqualTo("poison");
		assertThat(parked.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
		await().atMost(Duration.ofSeconds(20)).until(() -> total() == before + 1);
		deadLetters.close();
	}

	@Test
	void processingContinuesTheProducersTrace(CapturedOutput output) throws Exception {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		ObjectNode event = sample();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("applicationId", UUID.randomUUID().toString());
		event.put("applicationNumber", "EZ-2026-777777");
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(ApplicationSubmitted.TOPIC,
				event.get("applicationId").asString(), json.writeValueAsBytes(event));
		record.headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));

		// a bare producer: the application's template would stamp a trace of its own over ours
		try (Producer<String, byte[]> producer = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new ByteArraySerializer()).createProducer()) {
			producer.send(record).get();
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().lines()
			.anyMatch(line -> line.contains("EZ-2026-777777") && line.contains(traceId)));
	}

	@Test
	void statisticsAreReadableWithoutSigningIn() throws Exception {
		mvc.perform(get("/api/scoring/v1/statistics/submitted-applications")).andExpect(status().isOk());
		mvc.perform(get("/api/scoring/v1/anything-else")).andExpect(status().isUnauthorized());
	}

	private void send(ObjectNode event) throws Exception {
		send(ApplicationSubmitted.TOPIC, event);
	}

	private void send(String topic, ObjectNode event) throws Exception {
		kafka.send(new ProducerRecord<>(topic, event.get("applicationId").asString(), json.writeValueAsBytes(event)))
			.get();
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

	private long total() {
		return jdbc.sql("select count(*) from submitted_application").query(Long.class).single();
	}

	private ObjectNode sample() throws Exception {
		return sample(ApplicationSubmitted.TOPIC);
	}

	private ObjectNode sample(String topic) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/samples/" + topic + ".json")) {
			return (ObjectNode) json.readTree(in);
		}
	}
}
