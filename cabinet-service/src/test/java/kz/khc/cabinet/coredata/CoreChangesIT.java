package kz.khc.cabinet.coredata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.khc.contracts.identity.v1.EmailVerificationRequested;
import kz.khc.contracts.identity.v1.EmailVerified;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** Incremental changes from the core system through a real broker into real PostgreSQL. */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.listener.auto-startup=true", "spring.kafka.admin.auto-create=true" })
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext // closes the embedded broker before JVM exit, where Kafka's own hook deletes its files under it
class CoreChangesIT {

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void appliesChangesOnceAndParksWhatTheImportRejects() throws Exception {
		List<String> lines = lines();
		for (String line : lines) {
			send("110000101182", line);
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from contract where number in ('ИК-2022/0001', 'ИК-2022/0002')") == 2);
		String stamp = jdbc.sql("select max(updated_at)::text from contract").query(String.class).single();

		for (String line : lines) {
			send("110000101182", line); // the same changes again
		}
		String badClient = lines.getFirst().replace("651106450323", "651106450324");
		send("110000101182", badClient);

		ConsumerRecord<String, byte[]> parked = KafkaTestUtils.getSingleRecord(deadLetters(),
				CoreChanges.TOPIC + ".DLT", Duration.ofSeconds(20));
		assertThat(new String(parked.headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8)).contains("iin");
		assertThat(jdbc.sql("select max(updated_at)::text from contract").query(String.class).single()).isEqualTo(stamp);
		assertThat(count("select count(*) from client where iin = '651106450324'")).isZero();
	}

	@Test
	void aVerifiedEmailShowsInTheProfileOnceAndTheCoreSystemDoesNotOverwriteIt() throws Exception {
		for (String line : lines()) {
			send("110000101182", line);
		}
		byte[] sample;
		try (InputStream in = getClass().getResourceAsStream("/samples/identity.email-verified.v1.json")) {
			sample = in.readAllBytes();
		}
		long processedBefore = count("select count(*) from processed_event");

		kafka.send(new ProducerRecord<>(EmailVerified.TOPIC, "user-1", sample)).get();
		kafka.send(new ProducerRecord<>(EmailVerified.TOPIC, "user-1", sample)).get(); // redelivered

		await().atMost(Duration.ofSeconds(20)).until(() -> count(
				"select count(*) from client where account_number = '110000101182' and email_verified") == 1);
		assertThat(count("select count(*) from processed_event")).isEqualTo(processedBefore + 1);
		String stamp = clientStamp();
		send("110000101182", lines().getFirst().replace("\"email\": null", "\"email\": \"old@example.kz\""));
		await().atMost(Duration.ofSeconds(20)).until(() -> !clientStamp().equals(stamp));
		assertThat(jdbc.sql("select email from client where account_number = '110000101182'").query(String.class).single())
			.isEqualTo("dana.akhmetova@example.kz");

		// a late request for the confirmed address keeps the tick; a new address takes it away until confirmed
		kafka.send(new ProducerRecord<>(EmailVerificationRequested.TOPIC, "user-1", emailRequested("dana.akhmetova@example.kz")))
			.get();
		kafka.send(new ProducerRecord<>(EmailVerificationRequested.TOPIC, "user-1", emailRequested("dana@example.com")))
			.get();
		await().atMost(Duration.ofSeconds(20)).until(() -> count(
				"select count(*) from client where account_number = '110000101182' and email = 'dana@example.com'") == 1);
		assertThat(count("select count(*) from client where account_number = '110000101182' and email_verified")).isZero();
	}

	private byte[] emailRequested(String email) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/samples/identity.email-verification-requested.v1.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("dana.akhmetova@example.kz", email)
				.replaceFirst("\"eventId\" : \"[^\"]+\"", "\"eventId\" : \"" + UUID.randomUUID() + "\"")
				.getBytes(StandardCharsets.UTF_8);
		}
	}

	private String clientStamp() {
		return jdbc.sql("select updated_at::text from client where account_number = '110000101182'")
			.query(String.class)
			.single();
	}

	private void send(String key, String line) throws Exception {
		kafka.send(new ProducerRecord<>(CoreChanges.TOPIC, key, line.getBytes(StandardCharsets.UTF_8))).get();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private Consumer<String, byte[]> deadLetters() {
		Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
				Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString(), "group.id",
						"dlt-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		consumer.subscribe(List.of(CoreChanges.TOPIC + ".DLT"));
		return consumer;
	}

	private static List<String> lines() throws Exception {
		try (InputStream in = CoreChangesIT.class.getResourceAsStream("/coredata/good.jsonl")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}
}
