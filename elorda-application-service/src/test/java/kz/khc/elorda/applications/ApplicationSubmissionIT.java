package kz.khc.elorda.applications;

import static kz.khc.elorda.applications.IntakeTestConfiguration.CLOCK;
import static kz.khc.elorda.applications.IntakeTestConfiguration.SIGNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.elorda.documents.DocumentPackage;
import kz.khc.elorda.editions.Editions;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submission through the real HTTP stack into real PostgreSQL, and the event out to a real Kafka broker with the
 * conventions of the published language: topic, key, headers, and the shape of the JSON sample.
 */
@Import(IntakeTestConfiguration.class)
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.admin.auto-create=true", "spring.kafka.producer.properties.max.block.ms=5000" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext // closes the embedded broker before JVM exit, where Kafka's own hook deletes its files under it
class ApplicationSubmissionIT {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	Editions editions;

	Consumer<String, byte[]> consumer;

	@BeforeEach
	void subscribe() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "earliest");
		consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		consumer.subscribe(List.of(ApplicationSubmitted.TOPIC));
	}

	@AfterEach
	void close() {
		consumer.close();
	}

	@Test
	void submissionIsStoredAuditedAndPublishedWithTheConventions() throws Exception {
		OpenEdition.open(editions, CLOCK);
		RequestPostProcessor citizen = jwt().jwt(token -> token.subject("citizen-1")
			.claim("preferred_username", "950312400238")
			.claim("roles", List.of("citizen"))).authorities(new SimpleGrantedAuthority("ROLE_citizen"));
		String form;
		try (InputStream in = getClass().getResourceAsStream("/applications/complete-form.json")) {
			form = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("HEALTHCARE\",", "EDUCATION\",");
		}
		String id = json.readTree(mvc.perform(post("/api/elorda/v1/applications").with(citizen)
			.contentType(MediaType.APPLICATION_JSON)
			.content(form))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asString();
		DocumentPackage.uploadAll(mvc, citizen, id, DocumentPackage.complete("950312400238", "930720300018",
				"220115500013", LocalDate.now(CLOCK)));
		String toSign = json.readTree(mvc.perform(get("/api/elorda/v1/applications/" + id + "/signing-content")
			.with(citizen)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.get("content").asString();
		mvc.perform(post("/api/elorda/v1/applications/" + id + "/submission").with(citizen)
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"signature\":\"%s\"}".formatted(SIGNING.sign("950312400238",
					Base64.getDecoder().decode(toSign)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.category").value("EDUCATION"))
			.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("EZ-\\d+-\\d{6}")));

		assertThat(jdbc.sql("select action from audit_log where subject = ? and actor = 'citizen-1' order by id")
			.param("application/" + id)
			.query(String.class)
			.list()
			.stream()
			.distinct()).containsExactly("application.draft-started", "document.uploaded", "application.submitted");

		ConsumerRecord<String, byte[]> record = recordFor(id);
		assertThat(record.topic()).isEqualTo("elorda.application-submitted.v1");
		assertThat(headerNames(record)).contains("eventId", "eventType", "schemaVersion", "occurredAt",
				"traceparent");
		assertThat(headerValue(record, "eventType")).isEqualTo("ApplicationSubmitted");
		assertThat(headerValue(record, "schemaVersion")).isEqualTo("1");
		assertThat(headerValue(record, "traceparent")).as("the request's trace continues on Kafka")
			.startsWith("00-" + TRACE_ID + "-");

		JsonNode payload = json.readTree(record.value());
		assertThat(headerValue(record, "eventId")).isEqualTo(payload.get("eventId").asString());
		assertThat(payload.get("category").asString()).isEqualTo("EDUCATION");
		assertThat(payload.get("applicantId").asString()).isEqualTo("citizen-1");
		assertThat(payload.get("applicantIin").asString()).isEqualTo("950312400238");
		assertThat(payload.at("/contact/email").asString()).isEqualTo("aigerim.seitkali@example.kz");
		assertThat(payload.at("/contact/language").asString()).isEqualTo("kk");
		assertThat(payload.at("/facts/applicant/birthDate").asString()).as("from the IIN").isEqualTo("1995-03-12");
		assertThat(payload.at("/facts/family/1/birthDate").asString()).isEqualTo("2022-01-15");
		assertSameShape(payload, sample());
		assertSameShape(payload.get("facts"), sample().get("facts"));
		json.treeToValue(sample(), ApplicationSubmitted.class);
	}

	private ConsumerRecord<String, byte[]> recordFor(String applicationId) {
		List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1),
					1)) {
				if (record.key().equals(applicationId)) {
					return record;
				}
				seen.add(record);
			}
		}
		throw new AssertionError("no event keyed " + applicationId + " among " + seen.size() + " records");
	}

	private static List<String> headerNames(ConsumerRecord<?, ?> record) {
		List<String> names = new ArrayList<>();
		record.headers().forEach(h -> names.add(h.key()));
		return names;
	}

	private static String headerValue(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private JsonNode sample() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/samples/elorda.application-submitted.v1.json")) {
			return json.readTree(in);
		}
	}

	/** Same field names, same JSON types: what a consumer written against the sample can rely on. */
	private static void assertSameShape(JsonNode actual, JsonNode sample) {
		List<String> actualNames = new ArrayList<>(actual.propertyNames());
		List<String> sampleNames = new ArrayList<>(sample.propertyNames());
		assertThat(actualNames).containsExactlyInAnyOrderElementsOf(sampleNames);
		for (Iterator<String> names = sample.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			assertThat(actual.get(name).getNodeType()).as(name).isEqualTo(sample.get(name).getNodeType());
		}
	}
}
