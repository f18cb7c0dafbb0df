package kz.khc.notification.programme;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.MeterRegistry;

import kz.khc.contracts.identity.v1.EmailVerificationRequested;
import kz.khc.contracts.identity.v1.EmailVerified;
import kz.khc.contracts.identity.v1.UserRegistered;
import kz.khc.contracts.scoring.v1.BankOutcomeRecorded;
import kz.khc.contracts.scoring.v1.DirectionIssued;
import kz.khc.notification.Providers;
import kz.khc.testsupport.EmbeddedPostgresInitializer;
import kz.khc.workingdays.WorkingDayCalendar;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consumer side of the programme's and the identity service's events, against a real broker, real PostgreSQL,
 * the simulated SMS provider and an SMTP server: it reads the producers' JSON samples, makes each message once
 * however often an event arrives, writes in the language the person chose, sends the Direction letter as a PDF,
 * plans and cancels reminders, and parks an unreadable event on the dead-letter topic with an alert metric.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.listener.auto-startup=true", "spring.kafka.admin.auto-create=true",
		"notifications.events.retry-interval=10ms" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext // closes the embedded broker before JVM exit, where Kafka's own hook deletes its files under it
class ProgrammeEventsIT {

	static final String SEND = "/service/message/sendsmsmessage";
	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		Providers.register(registry);
	}

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EmbeddedKafkaBroker broker;

	final WireMock sms = new WireMock(Providers.SMS.port());

	@BeforeEach
	void provider() {
		sms.resetMappings();
		sms.register(WireMock.post(urlPathEqualTo(SEND))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"code\":0,\"data\":{\"messageId\":\"{{jsonPath request.body '$.params.name'}}\"}}")
				.withTransformers("response-template")));
	}

	@Test
	void aDirectionGoesOutOnceByEmailWithItsLetterAndBySmsInTheChosenLanguage() throws Exception {
		String person = UUID.randomUUID().toString();
		String mobile = "+7707" + (1000000 + (int) (Math.random() * 8999999));
		String email = "dir-" + person + "@example.kz";
		publish(UserRegistered.TOPIC, person, sample("identity.user-registered.v1").put("userId", person)
			.put("mobile", mobile)
			.put("language", "ru"));
		publish(EmailVerified.TOPIC, person, sample("identity.email-verified.v1").put("userId", person).put("email", email));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from contact where person_id = ? and email_verified")
				.param(person)
				.query(Long.class)
				.single() == 1);
		// the person chose Kazakh in the cabinet: that wins over the language of the pages they registered on
		mvc.perform(put("/api/notifications/v1/my/preferences").with(citizen(person))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"language\":\"kk\"}")).andExpect(status().isOk());

		LocalDate today = LocalDate.now(ALMATY);
		LocalDate deadline = WorkingDayCalendar.kazakhstan().plusWorkingDays(today, 10);
		UUID directionId = UUID.randomUUID();
		ObjectNode issued = sample("scoring.direction-issued.v1").put("applicantId", person)
			.put("directionId", directionId.toString())
			.put("issuedOn", today.toString())
			.put("bankVisitDeadline", deadline.toString());
		publish(DirectionIssued.TOPIC, directionId.toString(), issued);
		publish(DirectionIssued.TOPIC, directionId.toString(), issued); // redelivered

		await().atMost(Duration.ofSeconds(20)).until(() -> lettersTo(email).size() == 1);
		MimeMessage letter = lettersTo(email).getFirst();
		assertThat(letter.getSubject()).isEqualTo("Отбасы банкіне EZD-2026-000007 жолдама");
		MimeMultipart parts = (MimeMultipart) letter.getContent();
		var pdf = parts.getBodyPart(parts.getCount() - 1);
		assertThat(pdf.getContentType()).startsWith("application/pdf");
		assertThat(pdf.getFileName()).isEqualTo("zholdama-EZD-2026-000007.pdf");
		try (var document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Жолдама № EZD-2026-000007", "Сейтқали Әйгерім Нұрланқызы", "300",
					"K7QX-4M2P-9TZD", deadline.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> sms.verifyThat(1, smsTo(mobile)));
		assertThat(smsTexts(mobile)).singleElement().asString().contains("жолдама");

		// the reminder waits for 3 working days before the deadline, 10:00 in Astana
		var reminder = jdbc.sql("""
				select m.status, m.next_attempt_at from message m join notification n on n.id = m.notification_id
				where n.person_id = ? and n.kind = 'BANK_VISIT_REMINDER' and m.channel = 'SMS'""")
			.param(person)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.single();
		assertThat(reminder.getKey()).isEqualTo("PENDING");
		assertThat(reminder.getValue()).isEqualTo(WorkingDayCalendar.kazakhstan()
			.plusWorkingDays(deadline, -3)
			.atTime(10, 0)
			.atZone(ALMATY)
			.toInstant());
		// not in the inbox before it is due
		mvc.perform(get("/api/notifications/v1/my/messages").with(citizen(person)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("DIRECTION_ISSUED"))
			.andExpect(jsonPath("$.items[0].attachments[0]").value("zholdama-EZD-2026-000007.pdf"));

		// the applicant came to the bank: the reminder is no longer wanted (same key, so after the duplicate)
		publish(BankOutcomeRecorded.TOPIC, directionId.toString(), sample("scoring.bank-outcome-recorded.v1")
			.put("applicantId", person)
			.put("directionId", directionId.toString())
			.put("outcome", "VISITED")
			.putNull("housingDeadline"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("""
					select count(*) from message m join notification n on n.id = m.notification_id
					where n.person_id = ? and n.kind = 'BANK_VISIT_REMINDER' and m.status = 'CANCELLED'""")
				.param(person)
				.query(Long.class)
				.single() == 2);
		assertThat(jdbc.sql("select count(*) from notification where person_id = ? and kind = 'DIRECTION_ISSUED'")
			.param(person)
			.query(Long.class)
			.single()).as("the redelivered event made nothing more").isEqualTo(1);
		sms.verifyThat(1, smsTo(mobile));
		assertThat(lettersTo(email)).hasSize(1);
	}

	@Test
	void theEmailConfirmationLinkIsSentAndKeptNowhereAfterwards() throws Exception {
		String person = UUID.randomUUID().toString();
		String email = "verify-" + person + "@example.kz";
		String link = "http://localhost:8080/api/identity/v1/email-verifications/secret-" + person;
		publish(EmailVerificationRequested.TOPIC, person, sample("identity.email-verification-requested.v1")
			.put("userId", person)
			.put("email", email)
			.put("verificationUrl", link)
			.put("language", "en"));

		await().atMost(Duration.ofSeconds(20)).until(() -> lettersTo(email).size() == 1);
		MimeMessage letter = lettersTo(email).getFirst();
		assertThat(letter.getSubject()).isEqualTo("Confirm your email address");
		assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(letter)).contains("secret-" + person);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> jdbc.sql("""
					select count(*) from message m join notification n on n.id = m.notification_id
					where n.person_id = ? and m.status = 'SENT' and m.content is null""")
				.param(person)
				.query(Long.class)
				.single() == 1);
		assertThat(jdbc.sql("select count(*) from notification where body like ?")
			.param("%secret-" + person + "%")
			.query(Long.class)
			.single()).isZero();
		mvc.perform(get("/api/notifications/v1/my/messages").with(citizen(person)))
			.andExpect(jsonPath("$.items[0].body").value(org.hamcrest.Matchers.containsString("v***@example.kz")));
	}

	@Test
	void anUnreadableEventIsParkedOnTheDeadLetterTopicCountedAndTheNextOneStillHandled() throws Exception {
		Consumer<String, byte[]> deadLetters = new DefaultKafkaConsumerFactory<>(
				Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString(), "group.id",
						"dlt-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		deadLetters.subscribe(List.of(DirectionIssued.TOPIC + ".DLT"));
		double before = deadLettered();

		kafka.send(DirectionIssued.TOPIC, "poison", "{not json".getBytes()).get();
		String person = UUID.randomUUID().toString();
		String directionId = UUID.randomUUID().toString();
		publish(DirectionIssued.TOPIC, directionId, sample("scoring.direction-issued.v1").put("applicantId", person)
			.put("directionId", directionId));

		var parked = KafkaTestUtils.getSingleRecord(deadLetters, DirectionIssued.TOPIC + ".DLT", Duration.ofSeconds(20));
		assertThat(parked.key()).isEqualTo("poison");
		assertThat(parked.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
		await().atMost(Duration.ofSeconds(20)).until(() -> deadLettered() == before + 1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from notification where person_id = ?")
				.param(person)
				.query(Long.class)
				.single() == 1);
		deadLetters.close();
	}

	private double deadLettered() {
		var counter = meters.find("notifications.events.dead.lettered").tag("topic", DirectionIssued.TOPIC).counter();
		return counter == null ? 0 : counter.count();
	}

	private void publish(String topic, String key, ObjectNode event) throws Exception {
		kafka.send(topic, key, json.writeValueAsBytes(event)).get();
	}

	/** The producer's sample with a fresh event id. */
	private ObjectNode sample(String topic) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/samples/" + topic + ".json")) {
			return ((ObjectNode) json.readTree(in)).put("eventId", UUID.randomUUID().toString());
		}
	}

	private static List<MimeMessage> lettersTo(String address) throws Exception {
		List<MimeMessage> letters = new java.util.ArrayList<>();
		for (MimeMessage message : Providers.SMTP.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				letters.add(message);
			}
		}
		return letters;
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder smsTo(String mobile) {
		return postRequestedFor(urlPathEqualTo(SEND))
			.withRequestBody(matchingJsonPath("$.recipient", equalTo(mobile.substring(1))));
	}

	private List<String> smsTexts(String mobile) {
		return sms.find(smsTo(mobile))
			.stream()
			.map(request -> json.readTree(request.getBodyAsString()).get("text").asString())
			.toList();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor citizen(String subject) {
		return jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}
}
