package kz.khc.notification.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import kz.khc.contracts.ContactDetails;
import kz.khc.notification.Providers;
import kz.khc.notification.contacts.ContactBook;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The delivery guarantees against a simulated SMS provider and real PostgreSQL: a failing provider is retried with
 * backoff until it recovers, and the message goes out once; a provider that is down trips the circuit breaker,
 * messages wait, and go out when it closes again; a one-time code reaches the provider within its second or fails
 * clearly; receipts update the status; staff see masked numbers; a person sees only their own inbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class DeliveryIT {

	static final String SEND = "/service/message/sendsmsmessage";

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		Providers.register(registry);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	ContactBook contacts;

	@Autowired
	ProviderBreakers breakers;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	final WireMock sms = new WireMock(Providers.SMS.port());

	@BeforeEach
	void reset() {
		sms.resetRequests();
		sms.resetMappings();
		sms.resetScenarios();
		breakers.sms().reset();
	}

	@Test
	void providerFailingThenRecoveringGivesExactlyOneSms() {
		stubFailures(2);
		UUID message = smsOf(notify(person(), MessageKind.APPLICATION_VERIFIED, "EZ-2026-000101", "HEALTHCARE", 15));

		await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(message) == MessageStatus.SENT);
		sms.verifyThat(3, postRequestedFor(urlPathEqualTo(SEND))
			.withRequestBody(matchingJsonPath("$.params.name", equalTo(message.toString()))));
		assertThat(history(message)).containsExactly("PENDING", "PENDING", "PENDING", "SENT");
		assertThat(attempts(message)).isEqualTo(3);
	}

	@Test
	void aProviderTimeoutIsRetriedAndAMessageIsGivenUpOnlyAfterItsTime() {
		stubFor(WireMock.post(urlPathEqualTo(SEND)).inScenario("slow")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(accepted().withFixedDelay(1500))
			.willSetStateTo("fast"));
		stubFor(WireMock.post(urlPathEqualTo(SEND)).inScenario("slow").whenScenarioStateIs("fast").willReturn(accepted()));
		UUID message = smsOf(notify(person(), MessageKind.LOAN_ISSUED, "EZD-2026-000102"));

		await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(message) == MessageStatus.SENT);
		assertThat(attempts(message)).isEqualTo(2);
		assertThat(details(message)).anyMatch(detail -> detail.contains("attempt failed: HttpTimeoutException"));

		// a message that has waited longer than give-up-after is not retried again
		stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(503)));
		UUID old = smsOf(notify(person(), MessageKind.LOAN_ISSUED, "EZD-2026-000103"));
		jdbc.sql("update message set created_at = now() - interval '73 hours' where id = ?").param(old).update();
		await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(old) == MessageStatus.FAILED);
		assertThat(details(old)).last().asString().startsWith("gave up after PT72H: HTTP 503");
	}

	@Test
	void aProviderThatIsDownTripsTheCircuitAndTheQueueWaitsUntilItIsBack() {
		stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(500)));
		List<UUID> queued = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			queued.add(smsOf(notify(person(), MessageKind.QUALIFICATION_FAILED, "EZD-2026-00020" + i)));
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> breakers.sms().getState() == CircuitBreaker.State.OPEN);
		await().atMost(Duration.ofSeconds(1)).until(() -> dispatcher.inFlight() == 0);
		int whenOpened = requests();
		// while the circuit is open, the provider is left alone
		await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2)).until(() -> requests() == whenOpened);
		assertThat(queued).allMatch(id -> statusOf(id) == MessageStatus.PENDING);

		sms.resetMappings();
		stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(accepted()));
		await().atMost(Duration.ofSeconds(15)).until(() -> queued.stream().allMatch(id -> statusOf(id) == MessageStatus.SENT));
		assertThat(breakers.sms().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void aOneTimeCodeReachesTheProviderAndItsTextIsKeptNowhere() throws Exception {
		stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(accepted()));

		mvc.perform(MockMvcRequestBuilders.post("/internal/notifications/v1/one-time-codes").with(identityService())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"mobile":"+77012223344","code":"482913","purpose":"REGISTRATION","language":"kk"}"""))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("SENT"));

		sms.verifyThat(1, postRequestedFor(urlPathEqualTo(SEND))
			.withRequestBody(matchingJsonPath("$.recipient", equalTo("77012223344")))
			.withRequestBody(matchingJsonPath("$.text", WireMock.containing("482913")))
			.withRequestBody(matchingJsonPath("$.text", WireMock.containing("Ешкімге айтпаңыз")))
			.withHeader("X-API-Key", equalTo("sms-local-demo-key")));
		assertThat(jdbc.sql("""
				select count(*) from message m left join message_status s on s.message_id = m.id
				where m.content like '%482913%' or m.last_error like '%482913%' or s.detail like '%482913%'""")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select status from message where destination = '+77012223344' and kind = 'ONE_TIME_CODE'")
			.query(String.class)
			.list()).contains("SENT");
	}

	@Test
	void aOneTimeCodeTheProviderCannotTakeWithinItsSecondFailsClearlyAtOnce() throws Exception {
		stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(accepted().withFixedDelay(3000)));

		long start = System.nanoTime();
		mvc.perform(MockMvcRequestBuilders.post("/internal/notifications/v1/one-time-codes").with(identityService())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"mobile":"+77012223355","code":"111222","purpose":"PASSWORD_RESET"}"""))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(jsonPath("$.code").value("sms-provider-unavailable"))
			.andExpect(jsonPath("$.title").value("SMS temporarily unavailable"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the caller is not kept waiting")
			.isLessThan(Duration.ofMillis(1500));

		mvc.perform(MockMvcRequestBuilders.post("/internal/notifications/v1/one-time-codes").with(identityService())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"mobile":"+7 999 000 00 00","code":"12345","purpose":"LOGIN"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("mobile", "code")));
		mvc.perform(MockMvcRequestBuilders.post("/internal/notifications/v1/one-time-codes").with(citizen("someone"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"mobile":"+77012223355","code":"111222","purpose":"LOGIN"}"""))
			.andExpect(status().isForbidden());
	}

	@Test
	void receiptsFromTheProviderUpdateTheStatusAndNeedTheProvidersSecret() throws Exception {
		stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(accepted()));
		UUID message = smsOf(notify(person(), MessageKind.LOAN_ISSUED, "EZD-2026-000301"));
		await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(message) == MessageStatus.SENT);
		String receipt = "{\"messageId\":\"" + message + "\",\"status\":\"DELIVRD\"}";

		mvc.perform(MockMvcRequestBuilders.post(ReceiptController.PATH).contentType(MediaType.APPLICATION_JSON).content(receipt))
			.andExpect(status().isUnauthorized());
		mvc.perform(MockMvcRequestBuilders.post(ReceiptController.PATH).header("X-Receipt-Token", "guess")
			.contentType(MediaType.APPLICATION_JSON)
			.content(receipt)).andExpect(status().isUnauthorized());
		assertThat(statusOf(message)).isEqualTo(MessageStatus.SENT);

		mvc.perform(MockMvcRequestBuilders.post(ReceiptController.PATH).header("X-Receipt-Token", "sms-receipts-local-demo-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(receipt)).andExpect(status().isNoContent());
		assertThat(statusOf(message)).isEqualTo(MessageStatus.DELIVERED);
		// a late or repeated receipt changes nothing
		mvc.perform(MockMvcRequestBuilders.post(ReceiptController.PATH).header("X-Receipt-Token", "sms-receipts-local-demo-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(receipt.replace("DELIVRD", "UNDELIV"))).andExpect(status().isNoContent());
		assertThat(statusOf(message)).isEqualTo(MessageStatus.DELIVERED);
		assertThat(history(message)).containsExactly("PENDING", "SENT", "DELIVERED");
		mvc.perform(MockMvcRequestBuilders.post(ReceiptController.PATH).header("X-Receipt-Token", "sms-receipts-local-demo-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"messageId\":\"no-such\",\"status\":\"DELIVRD\"}")).andExpect(status().isNotFound());
	}

	@Test
	void staffSeeMaskedDestinationsAndOnlyWhatTheirRoleAllows() throws Exception {
		stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(accepted()));
		String person = person();
		UUID programme = smsOf(notify(person, MessageKind.LOAN_ISSUED, "EZD-2026-000401"));
		UUID account = smsOf(notify(person, MessageKind.PASSWORD_CHANGED, Instant.now()));

		mvc.perform(get("/api/notifications/v1/deliveries").param("personId", person).with(staff("cabinet-operator")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4)) // SMS and email of each
			.andExpect(jsonPath("$.items[?(@.channel == 'SMS')].destination").value(
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("+7701*****44"))))
			.andExpect(jsonPath("$.items[?(@.channel == 'EMAIL')].destination").value(
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("a***@example.kz"))));
		mvc.perform(get("/api/notifications/v1/deliveries").param("personId", person).with(staff("akimat-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].kind").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("LOAN_ISSUED"))));
		mvc.perform(get("/api/notifications/v1/deliveries/" + account).with(staff("akimat-officer")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/notifications/v1/deliveries/" + programme).with(staff("akimat-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history[0].status").value("PENDING"));
		assertThat(jdbc.sql("select actor from audit_log where action = 'deliveries.viewed' and subject = ?")
			.param("person/" + person)
			.query(String.class)
			.list()).as("who looked at whose messages").containsExactly("cabinet-operator-1", "akimat-officer-1");
		mvc.perform(get("/api/notifications/v1/deliveries").with(citizen(person))).andExpect(status().isForbidden());
		mvc.perform(get("/api/notifications/v1/deliveries").param("iin", "12345").with(staff("cabinet-operator")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aPersonReadsOnlyTheirOwnInboxAndAReminderShowsOnlyWhenDue() throws Exception {
		String owner = person();
		UUID now = notifications.send(Outgoing.of(owner, MessageKind.LOAN_ISSUED, UUID.randomUUID().toString(), "EZD-1")
			.attach(locale -> new Outgoing.Attachment("letter.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 })))
			.orElseThrow();
		notifications.send(Outgoing.of(owner, MessageKind.HOUSING_REMINDER, UUID.randomUUID().toString(), "EZD-1",
				java.time.LocalDate.now().plusDays(30)).due(Instant.now().plus(Duration.ofDays(20))));

		mvc.perform(get("/api/notifications/v1/my/messages").with(citizen(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.unread").value(1))
			.andExpect(jsonPath("$.items[0].kind").value("LOAN_ISSUED"))
			.andExpect(jsonPath("$.items[0].subject").value("Заём выдан"))
			.andExpect(jsonPath("$.items[0].attachments[0]").value("letter.pdf"));
		mvc.perform(get("/api/notifications/v1/my/messages/" + now + "/attachments/letter.pdf").with(citizen(owner)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(MockMvcRequestBuilders.post("/api/notifications/v1/my/messages/" + now + "/read").with(citizen(owner)))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/notifications/v1/my/messages").with(citizen(owner)))
			.andExpect(jsonPath("$.unread").value(0));

		String stranger = person();
		mvc.perform(get("/api/notifications/v1/my/messages").with(citizen(stranger)))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/notifications/v1/my/messages/" + now + "/attachments/letter.pdf").with(citizen(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(MockMvcRequestBuilders.post("/api/notifications/v1/my/messages/" + now + "/read").with(citizen(stranger)))
			.andExpect(status().isNotFound());
	}

	private String person() {
		String id = UUID.randomUUID().toString();
		contacts.learn(id, "651106450323", new ContactDetails("+7 701 222 33 44", "aigerim@example.kz", "ru"));
		return id;
	}

	private UUID notify(String person, MessageKind kind, Object... args) {
		return notifications.send(Outgoing.of(person, kind, UUID.randomUUID().toString(), args)).orElseThrow();
	}

	private UUID smsOf(UUID notification) {
		return jdbc.sql("select id from message where notification_id = ? and channel = 'SMS'")
			.param(notification)
			.query(UUID.class)
			.single();
	}

	private MessageStatus statusOf(UUID message) {
		return MessageStatus.valueOf(
				jdbc.sql("select status from message where id = ?").param(message).query(String.class).single());
	}

	private int attempts(UUID message) {
		return jdbc.sql("select attempts from message where id = ?").param(message).query(Integer.class).single();
	}

	private List<String> history(UUID message) {
		return jdbc.sql("select status from message_status where message_id = ? order by at")
			.param(message)
			.query(String.class)
			.list();
	}

	private List<String> details(UUID message) {
		return jdbc.sql("select coalesce(detail, '') from message_status where message_id = ? order by at")
			.param(message)
			.query(String.class)
			.list();
	}

	private int requests() {
		return sms.find(postRequestedFor(urlPathEqualTo(SEND))).size();
	}

	private void stubFor(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
		sms.register(mapping);
	}

	private void stubFailures(int failures) {
		for (int i = 0; i < failures; i++) {
			stubFor(WireMock.post(urlPathEqualTo(SEND)).inScenario("flaky")
				.whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
				.willReturn(aResponse().withStatus(500))
				.willSetStateTo("failed-" + (i + 1)));
		}
		stubFor(WireMock.post(urlPathEqualTo(SEND)).inScenario("flaky")
			.whenScenarioStateIs("failed-" + failures)
			.willReturn(accepted()));
	}

	/** The provider took the message; its id is ours, which keeps ids unique. */
	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":0,\"data\":{\"messageId\":\"{{jsonPath request.body '$.params.name'}}\","
					+ "\"campaignId\":\"1\"},\"message\":\"\"}")
			.withTransformers("response-template");
	}

	private static RequestPostProcessor identityService() {
		return staff("identity-service");
	}

	private static RequestPostProcessor citizen(String subject) {
		return jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}

	private static RequestPostProcessor staff(String role) {
		return jwt().jwt(token -> token.subject(role + "-1")).authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
