package kz.khc.elorda.verification;

import static kz.khc.elorda.applications.IntakeTestConfiguration.CLOCK;
import static kz.khc.elorda.applications.IntakeTestConfiguration.SIGNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

import kz.khc.contracts.Iin;
import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.elorda.applications.IntakeTestConfiguration;
import kz.khc.elorda.documents.DocumentPackage;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Editions;
import kz.khc.testsupport.EmbeddedPostgresInitializer;
import kz.khc.workingdays.WorkingDayCalendar;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Staff verification through the real HTTP stack into real PostgreSQL and out to a real Kafka broker (issue 7 point
 * 8): an akimat officer verifies or rejects a submitted application once — the decision stored, audited and
 * published; nobody else may; a draft is not there for staff; two officers at once, one wins. The deadline (DOMAIN
 * A1) is 30 working days after the intake's last day, in the calendar's years: each test's editions lie in a year of
 * their own between 2101 and 2199, where no other test puts its windows.
 */
@Import(IntakeTestConfiguration.class)
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.admin.auto-create=true", "spring.kafka.producer.properties.max.block.ms=5000" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext // closes the embedded broker before JVM exit, where Kafka's own hook deletes its files under it
class VerificationIT {

	static final String APPLICATIONS = "/api/elorda/v1/applications/";
	/** The points an assessment gave, for the applications a test says it knows them of. */
	static final Map<UUID, Integer> ASSESSED = new ConcurrentHashMap<>();

	@TestConfiguration
	static class Assessed {

		/** The assessments as if scoring-service had sent them. */
		@Bean
		@Primary
		AssessedPoints assessedPoints() {
			return id -> ASSESSED.containsKey(id) ? OptionalInt.of(ASSESSED.get(id)) : OptionalInt.empty();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Editions editions;

	@Autowired
	EmbeddedKafkaBroker broker;

	Consumer<String, byte[]> consumer;

	@BeforeEach
	void subscribe() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "earliest");
		consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
		consumer.subscribe(List.of(ApplicationVerified.TOPIC, ApplicationRejected.TOPIC));
	}

	@AfterEach
	void close() {
		consumer.close();
	}

	@Test
	void anOfficerVerifiesOnceAndTheDecisionIsStoredAuditedAndPublished() throws Exception {
		Edition edition = january();
		String iin = newIin();
		String id = submitted(iin);
		CLOCK.set(LocalDate.ofInstant(edition.closesAt(), ZoneOffset.ofHours(5)).plusDays(2));

		String body = mvc.perform(json(post(APPLICATIONS + id + "/verification"),
				"{\"comment\":\"  Документы в порядке  \"}").with(officer("aida.officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.applicationId").value(id))
			.andExpect(jsonPath("$.status").value("VERIFIED"))
			.andExpect(jsonPath("$.decision.outcome").value("VERIFIED"))
			.andExpect(jsonPath("$.decision.decidedBy.username").value("aida.officer"))
			.andExpect(jsonPath("$.decision.decidedBy.subject").value("sub-aida.officer"))
			.andExpect(jsonPath("$.decision.comment").value("Документы в порядке"))
			.andReturn().getResponse().getContentAsString();
		JsonNode decided = json.readTree(body);
		String number = decided.get("applicationNumber").asString();
		assertThat(statusOf(id)).isEqualTo("VERIFIED");
		assertThat(jdbc.sql("""
				select decided_by || ' ' || decided_by_username || ' ' || comment from application_decision
				where application_id = ?""").param(UUID.fromString(id)).query(String.class).single())
			.isEqualTo("sub-aida.officer aida.officer Документы в порядке");

		assertThat(jdbc.sql("""
				select actor, action, reason from audit_log
				where subject = ? and action like 'application.%ed' and actor like 'sub-%'""")
			.param("application/" + id)
			.query((rs, row) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3))
			.list()).containsExactly(
					"sub-aida.officer | application.verified | " + number
							+ " verified by aida.officer: Документы в порядке");

		ConsumerRecord<String, byte[]> record = recordFor(ApplicationVerified.TOPIC, id);
		assertThat(header(record, "eventType")).isEqualTo("ApplicationVerified");
		assertThat(header(record, "schemaVersion")).isEqualTo("1");
		JsonNode event = json.readTree(record.value());
		assertThat(header(record, "eventId")).isEqualTo(event.get("eventId").asString());
		assertThat(event.get("applicationNumber").asString()).isEqualTo(number);
		assertThat(event.get("applicantId").asString()).isEqualTo("citizen-" + iin);
		assertThat(event.get("category").asString()).isEqualTo("HEALTHCARE");
		assertThat(event.get("points").asInt()).as("no assessment known here yet").isZero();
		assertThat(Instant.parse(event.get("verifiedAt").asString()))
			.isEqualTo(Instant.parse(decided.at("/decision/decidedAt").asString()))
			.isEqualTo(CLOCK.instant());
		assertSameShape(event, sample("elorda.application-verified.v1.json"));
		json.treeToValue(event, ApplicationVerified.class);

		// staff see who decided; the applicant sees the outcome, not who, and not the staff's note
		mvc.perform(get(APPLICATIONS + id).with(officer("someone.else")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VERIFIED"))
			.andExpect(jsonPath("$.decision.decidedBy.username").value("aida.officer"))
			.andExpect(jsonPath("$.verificationDeadline").value(
					deadline(edition).toString()))
			.andExpect(jsonPath("$.workingDaysLeft").doesNotExist());
		String own = mvc.perform(get(APPLICATIONS + id).with(citizen(iin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VERIFIED"))
			.andExpect(jsonPath("$.decision.outcome").value("VERIFIED"))
			.andExpect(jsonPath("$.verificationDeadline").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		assertThat(own).doesNotContain("aida.officer", "sub-aida", "decidedBy", "Документы в порядке");

		// a second decision, either way, is refused saying what, when and by whom
		mvc.perform(json(post(APPLICATIONS + id + "/rejection"), rejection("E4", "Недостаточно вкладов"))
			.with(officer("bota.officer"))
			.header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("already-decided"))
			.andExpect(jsonPath("$.title").value("Application already decided"))
			.andExpect(jsonPath("$.detail").value(containsString(number)))
			.andExpect(jsonPath("$.detail").value(containsString("was already verified on")))
			.andExpect(jsonPath("$.detail").value(containsString("by aida.officer")))
			.andExpect(jsonPath("$.decision.outcome").value("VERIFIED"))
			.andExpect(jsonPath("$.decision.decidedBy.username").value("aida.officer"));
		mvc.perform(post(APPLICATIONS + id + "/verification").with(officer("bota.officer")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("already-decided"))
			.andExpect(jsonPath("$.detail").value(containsString("уже одобрено")));
		assertThat(statusOf(id)).isEqualTo("VERIFIED");
		assertThat(publications(id)).isEqualTo(1);
	}

	@Test
	void theVerifiedEventCarriesThePointsOnceTheAssessmentIsKnown() throws Exception {
		january();
		String id = submitted(newIin());
		ASSESSED.put(UUID.fromString(id), 18);

		mvc.perform(post(APPLICATIONS + id + "/verification").with(officer("aida.officer")))
			.andExpect(status().isOk());
		assertThat(json.readTree(recordFor(ApplicationVerified.TOPIC, id).value()).get("points").asInt())
			.isEqualTo(18);
	}

	@Test
	void anOfficerRejectsWithAReasonCodeAndACommentTheApplicantReads() throws Exception {
		january();
		String iin = newIin();
		String id = submitted(iin);
		String comment = "Справка о вкладе выдана раньше дня подачи.";

		String number = json.readTree(mvc.perform(json(post(APPLICATIONS + id + "/rejection"),
				rejection("DOCUMENTS", comment)).with(officer("aida.officer")).header("Accept-Language", "kk"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.decision.reasonCode").value("DOCUMENTS"))
			.andExpect(jsonPath("$.decision.reasonName").value("Құжаттар топтамасы толық емес немесе қате"))
			.andExpect(jsonPath("$.decision.comment").value(comment))
			.andReturn().getResponse().getContentAsString()).get("applicationNumber").asString();
		assertThat(statusOf(id)).isEqualTo("REJECTED");
		assertThat(jdbc.sql("select reason from audit_log where subject = ? and action = 'application.rejected'")
			.param("application/" + id)
			.query(String.class)
			.single()).isEqualTo(number + " rejected by aida.officer, reason DOCUMENTS: " + comment);

		JsonNode event = json.readTree(recordFor(ApplicationRejected.TOPIC, id).value());
		assertThat(event.get("applicationNumber").asString()).isEqualTo(number);
		assertThat(event.get("applicantId").asString()).isEqualTo("citizen-" + iin);
		assertThat(event.get("reasonCode").asString()).isEqualTo("DOCUMENTS");
		assertThat(event.get("reason").asString()).isEqualTo(comment);
		assertThat(Instant.parse(event.get("rejectedAt").asString())).isEqualTo(CLOCK.instant());
		assertSameShape(event, sample("elorda.application-rejected.v1.json"));

		// the applicant reads why, in their language, and not who decided
		for (String[] language : new String[][] { { "ru", "Неполный или неверный пакет документов" },
				{ "kk", "Құжаттар топтамасы толық емес немесе қате" }, { "en", "Incomplete or wrong documents" } }) {
			String own = mvc.perform(get(APPLICATIONS + id).with(citizen(iin)).header("Accept-Language", language[0]))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REJECTED"))
				.andExpect(jsonPath("$.decision.outcome").value("REJECTED"))
				.andExpect(jsonPath("$.decision.reasonCode").value("DOCUMENTS"))
				.andExpect(jsonPath("$.decision.reasonName").value(language[1]))
				.andExpect(jsonPath("$.decision.comment").value(comment))
				.andReturn().getResponse().getContentAsString();
			assertThat(own).doesNotContain("aida.officer", "sub-aida", "decidedBy");
		}
		mvc.perform(get("/api/elorda/v1/my/applications").with(citizen(iin)))
			.andExpect(jsonPath("$[0].decision.reasonCode").value("DOCUMENTS"))
			.andExpect(jsonPath("$[0].decision.decidedBy").doesNotExist());

		mvc.perform(post(APPLICATIONS + id + "/verification").with(officer("bota.officer")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("already-decided"))
			.andExpect(jsonPath("$.decision.outcome").value("REJECTED"));
		assertThat(statusOf(id)).isEqualTo("REJECTED");
	}

	@Test
	void aRejectionNeedsAKnownReasonCodeAndACommentOfAtMost2000Characters() throws Exception {
		january();
		String id = submitted(newIin());
		String url = APPLICATIONS + id + "/rejection";

		mvc.perform(json(post(url), "{\"reasonCode\":\"E4\"}").with(officer("aida.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("comment"))
			.andExpect(jsonPath("$.errors[0].message").value("обязательное поле"));
		mvc.perform(json(post(url), rejection("E4", "   ")).with(officer("aida.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		mvc.perform(json(post(url), rejection("E4", "я".repeat(2001))).with(officer("aida.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		mvc.perform(json(post(url), "{\"comment\":\"Нет причины\"}").with(officer("aida.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
		mvc.perform(json(post(url), rejection("E9", "Нет такого правила")).with(officer("aida.officer"))
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
		mvc.perform(json(post(APPLICATIONS + id + "/verification"), "{\"comment\":\"" + "я".repeat(2001) + "\"}")
			.with(officer("aida.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		mvc.perform(json(post(APPLICATIONS + id + "/verification"), "{\"reasonCode\":\"X\"}")
			.with(officer("aida.officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reasonCode"));
		assertThat(statusOf(id)).isEqualTo("SUBMITTED");
		assertThat(publications(id)).isZero();

		mvc.perform(json(post(url), rejection("OTHER", "я".repeat(2000))).with(officer("aida.officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision.reasonCode").value("OTHER"));
	}

	@Test
	void onlyAkimatOfficersDecide() throws Exception {
		january();
		String iin = newIin();
		String id = submitted(iin);
		for (String decision : List.of("/verification", "/rejection")) {
			String url = APPLICATIONS + id + decision;
			String body = rejection("E1", "Не гражданин");
			mvc.perform(json(post(url), body).with(citizen(iin))).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("forbidden"));
			mvc.perform(json(post(url), body).with(as("bank-officer")))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("forbidden"));
			mvc.perform(json(post(url), body)).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("unauthorized"));
		}
		assertThat(statusOf(id)).isEqualTo("SUBMITTED");
		assertThat(publications(id)).isZero();
	}

	@Test
	void aDraftOrNoApplicationIsNotThereForStaff() throws Exception {
		january();
		String iin = newIin();
		String draft = json.readTree(mvc.perform(json(post("/api/elorda/v1/applications"), form().toString())
			.with(citizen(iin))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("id").asString();
		for (String id : List.of(draft, UUID.randomUUID().toString())) {
			mvc.perform(post(APPLICATIONS + id + "/verification").with(officer("aida.officer")))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("not-found"));
			mvc.perform(json(post(APPLICATIONS + id + "/rejection"), rejection("E2", "Старше 35"))
				.with(officer("aida.officer")))
				.andExpect(status().isNotFound());
		}
		assertThat(statusOf(draft)).isEqualTo("DRAFT");
		mvc.perform(get(APPLICATIONS + draft).with(citizen(iin)))
			.andExpect(jsonPath("$.decision").doesNotExist());
	}

	@Test
	void ofTwoOfficersDecidingAtOnceExactlyOneWins() throws Exception {
		january();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(submitted(newIin()));
		}
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (String id : ids) {
				CyclicBarrier together = new CyclicBarrier(2);
				Future<MockHttpServletResponse> verifying = threads.submit(() -> {
					together.await();
					return mvc.perform(post(APPLICATIONS + id + "/verification").with(officer("aida.officer")))
						.andReturn().getResponse();
				});
				Future<MockHttpServletResponse> rejecting = threads.submit(() -> {
					together.await();
					return mvc.perform(json(post(APPLICATIONS + id + "/rejection"), rejection("E7", "Доход выше"))
						.with(officer("bota.officer"))).andReturn().getResponse();
				});
				List<MockHttpServletResponse> responses = List.of(verifying.get(), rejecting.get());
				assertThat(responses).extracting(MockHttpServletResponse::getStatus).as(id)
					.containsExactlyInAnyOrder(200, 409);
				boolean verified = responses.get(0).getStatus() == 200;
				MockHttpServletResponse lost = responses.get(verified ? 1 : 0);
				String winner = verified ? "VERIFIED" : "REJECTED";
				JsonNode refusal = json.readTree(lost.getContentAsString());
				assertThat(refusal.get("code").asString()).as("the loser is told who won").isEqualTo("already-decided");
				assertThat(refusal.at("/decision/outcome").asString()).isEqualTo(winner);
				assertThat(statusOf(id)).isEqualTo(winner);
				assertThat(jdbc.sql("select outcome from application_decision where application_id = ?")
					.param(UUID.fromString(id)).query(String.class).list()).containsExactly(winner);
				assertThat(jdbc.sql("select count(*) from audit_log where subject = ? and action in"
						+ " ('application.verified', 'application.rejected')")
					.param("application/" + id).query(Long.class).single()).isOne();
				assertThat(publications(id)).isOne();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theDeadlineIs30WorkingDaysAfterTheLastDayAcrossNauryz() throws Exception {
		// 1–20 March of a year whose 20 March is a Wednesday: Nauryz is Thursday 21 to Saturday 23, the Saturday
		// moved to Monday 25; then 1 May (Wednesday) and 7 May (Tuesday) are off — 8 May, not 1 May as without them
		Edition edition = edition(year -> LocalDate.of(year, 3, 20).getDayOfWeek() == DayOfWeek.WEDNESDAY, 3, 1, 3,
				21, "mar");
		int year = LocalDate.ofInstant(edition.opensAt(), ZoneOffset.ofHours(5)).getYear();
		String id = submitted(newIin()); // on Sunday 10 March
		String deadline = LocalDate.of(year, 5, 8).toString();

		// while the window is still open, from its planned close
		staffView(id).andExpect(jsonPath("$.verificationDeadline").value(deadline))
			.andExpect(jsonPath("$.workingDaysLeft").value(38))
			.andExpect(jsonPath("$.overdue").value(false));
		CLOCK.set(LocalDate.of(year, 3, 20));
		staffView(id).andExpect(jsonPath("$.workingDaysLeft").value(30));
		CLOCK.set(LocalDate.of(year, 5, 8));
		staffView(id).andExpect(jsonPath("$.workingDaysLeft").value(0)).andExpect(jsonPath("$.overdue").value(false));
		CLOCK.set(LocalDate.of(year, 5, 9)); // Victory Day, a Thursday
		staffView(id).andExpect(jsonPath("$.workingDaysLeft").value(-1)).andExpect(jsonPath("$.overdue").value(true));
		CLOCK.set(LocalDate.of(year, 5, 13));
		staffView(id).andExpect(jsonPath("$.workingDaysLeft").value(-2)).andExpect(jsonPath("$.overdue").value(true));
		mvc.perform(get("/api/elorda/v1/applications").param("status", "SUBMITTED").param("size", "200")
			.with(officer("aida.officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + id + "')].verificationDeadline").value(hasItem(deadline)))
			.andExpect(jsonPath("$.items[?(@.id == '" + id + "')].workingDaysLeft").value(hasItem(-2)))
			.andExpect(jsonPath("$.items[?(@.id == '" + id + "')].overdue").value(hasItem(true)));
		// the applicant is not shown the staff's deadline
		mvc.perform(get("/api/elorda/v1/my/applications").with(citizen(iinOf(id))))
			.andExpect(jsonPath("$[0].verificationDeadline").doesNotExist());

		// a late decision is still taken; the countdown stops
		mvc.perform(post(APPLICATIONS + id + "/verification").with(officer("aida.officer")))
			.andExpect(status().isOk());
		staffView(id).andExpect(jsonPath("$.verificationDeadline").value(deadline))
			.andExpect(jsonPath("$.workingDaysLeft").doesNotExist())
			.andExpect(jsonPath("$.overdue").doesNotExist());
	}

	@Test
	void theStaffListPutsTheUndecidedFirstThenTheNearestDeadlineThenTheEarliestSubmission() throws Exception {
		Edition first = january();
		int year = LocalDate.ofInstant(first.opensAt(), ZoneOffset.ofHours(5)).getYear();
		String decided = submitted(newIin());
		String early = submitted(newIin());
		Edition second = editions.create("v" + year + "-feb", "Verification test " + year + " February",
				midnight(year, 2, 5), midnight(year, 2, 25), null, "test");
		CLOCK.set(LocalDate.of(year, 2, 6));
		String later = submitted(newIin());
		CLOCK.set(LocalDate.of(year, 2, 7));
		String latest = submitted(newIin());
		mvc.perform(post(APPLICATIONS + decided + "/verification").with(officer("aida.officer")))
			.andExpect(status().isOk());

		JsonNode page = json.readTree(mvc.perform(get("/api/elorda/v1/applications").param("category", "HEALTHCARE")
			.param("size", "200").with(officer("aida.officer")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		List<String> order = new ArrayList<>();
		for (JsonNode item : page.get("items")) {
			order.add(item.get("id").asString());
		}
		assertThat(order).containsSubsequence(early, later, latest, decided);
		JsonNode laterItem = page.get("items").get(order.indexOf(later));
		assertThat(laterItem.get("verificationDeadline").asString())
			.isEqualTo(deadline(second).toString());
		assertThat(page.get("items").get(order.indexOf(early)).get("verificationDeadline").asString())
			.isEqualTo(deadline(first).toString());
		assertThat(page.get("items").get(order.indexOf(decided)).at("/decision/decidedBy/username").asString())
			.isEqualTo("aida.officer");
	}

	// ---- fixtures

	/** 12 to 31 January of a year of this test's own; the clock on the 15th. */
	private Edition january() {
		Edition edition = edition(year -> true, 1, 12, 2, 1, "jan");
		CLOCK.set(LocalDate.ofInstant(edition.opensAt(), ZoneOffset.ofHours(5)).plusDays(3));
		return edition;
	}

	/**
	 * An edition from midnight on the first day to midnight on the second (exclusive) in Almaty, in a free year
	 * 2101–2199 that fits; the clock on the 10th day of the window.
	 */
	private Edition edition(IntPredicate fits, int openMonth, int openDay, int closeMonth, int closeDay,
			String suffix) {
		for (int attempt = 0; attempt < 100; attempt++) {
			int year = ThreadLocalRandom.current().nextInt(2101, 2200);
			if (!fits.test(year) || editions.find("v" + year + "-" + suffix).isPresent()) {
				continue;
			}
			try {
				Edition edition = editions.create("v" + year + "-" + suffix, "Verification test " + year,
						midnight(year, openMonth, openDay), midnight(year, closeMonth, closeDay), null, "test");
				CLOCK.set(LocalDate.of(year, openMonth, openDay).plusDays(9));
				return edition;
			}
			catch (Editions.Overlaps | Editions.Exists taken) {
				// another test took that year's window: try another year
			}
		}
		throw new AssertionError("no free year for an edition");
	}

	private static Instant midnight(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.ofHours(5));
	}

	/** The edition's deadline as the unit-tested function works it out (the Nauryz test has it by hand). */
	private static LocalDate deadline(Edition edition) {
		return VerificationDeadline.of(edition.closesAt(), 30, WorkingDayCalendar.kazakhstan());
	}

	/** A new applicant's application, submitted now in the open edition; no family, so many fit in one edition. */
	private String submitted(String iin) throws Exception {
		String id = json.readTree(mvc.perform(json(post("/api/elorda/v1/applications"), form().toString())
			.with(citizen(iin))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("id").asString();
		DocumentPackage.uploadAll(mvc, citizen(iin), id, DocumentPackage.single(iin, LocalDate.now(CLOCK)));
		mvc.perform(SIGNING.submission(mvc, id, citizen(iin), iin)).andExpect(status().isOk());
		return id;
	}

	private ObjectNode form() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/applications/complete-form.json")) {
			ObjectNode form = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			form.putArray("family");
			form.putArray("deposits").addObject().put("holder", "APPLICANT").put("bank", "OTBASY")
				.put("balance", 1_800_000);
			return form;
		}
	}

	/** A valid IIN of somebody born on 12 March 1995 nobody else in the database has. */
	private static String newIin() {
		while (true) {
			String serial = "9503124" + "%04d".formatted(ThreadLocalRandom.current().nextInt(10_000));
			for (int check = 0; check < 10; check++) {
				if (Iin.isValid(serial + check)) {
					return serial + check;
				}
			}
		}
	}

	private String iinOf(String applicationId) {
		return jdbc.sql("select applicant_iin from application where id = ?").param(UUID.fromString(applicationId))
			.query(String.class).single();
	}

	private ResultActions staffView(String id) throws Exception {
		return mvc.perform(get(APPLICATIONS + id).with(officer("aida.officer"))).andExpect(status().isOk());
	}

	private static String rejection(String reasonCode, String comment) {
		return "{\"reasonCode\":\"%s\",\"comment\":\"%s\"}".formatted(reasonCode, comment);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static RequestPostProcessor citizen(String iin) {
		return jwt().jwt(token -> token.subject("citizen-" + iin).claim("preferred_username", iin))
			.authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}

	private static RequestPostProcessor officer(String username) {
		return jwt().jwt(token -> token.subject("sub-" + username).claim("preferred_username", username))
			.authorities(new SimpleGrantedAuthority("ROLE_akimat-officer"));
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(role + "-1").claim("preferred_username", role))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

	private String statusOf(String id) {
		return jdbc.sql("select status from application where id = ?").param(UUID.fromString(id)).query(String.class)
			.single();
	}

	/** Decisions published for the application: in the registry, whether or not sent yet. */
	private long publications(String id) {
		return jdbc.sql("""
				select count(*) from event_publication
				where (event_type like '%ApplicationVerified' or event_type like '%ApplicationRejected')
				  and serialized_event like ?""").param("%" + id + "%").query(Long.class).single();
	}

	private ConsumerRecord<String, byte[]> recordFor(String topic, String applicationId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1),
					1)) {
				if (record.topic().equals(topic) && record.key().equals(applicationId)) {
					return record;
				}
			}
		}
		throw new AssertionError("no event on " + topic + " keyed " + applicationId);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private JsonNode sample(String name) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
			return json.readTree(in);
		}
	}

	/** Same field names, same JSON types: what a consumer written against the sample can rely on. */
	private static void assertSameShape(JsonNode actual, JsonNode sample) {
		assertThat(new ArrayList<>(actual.propertyNames()))
			.containsExactlyInAnyOrderElementsOf(new ArrayList<>(sample.propertyNames()));
		for (Iterator<String> names = sample.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			assertThat(actual.get(name).getNodeType()).as(name).isEqualTo(sample.get(name).getNodeType());
		}
	}
}
