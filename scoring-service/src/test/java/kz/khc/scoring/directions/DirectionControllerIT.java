package kz.khc.scoring.directions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import kz.khc.contracts.scoring.v1.BankOutcome;
import kz.khc.scoring.ranking.RankedLists;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Directions through HTTP: who may do what, and the answers for a wrong step or a bad request; the bank's inbox
 * across all lists; a citizen sees their own directions and nobody else's. The database is shared by the test
 * classes, so the inbox is checked as a whole (its order) and through this test's own directions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class DirectionControllerIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	RankedLists lists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directions directions;

	static final String INBOX = "/api/scoring/v1/directions";

	@Test
	void theAkimatIssuesTheBankRecordsAndNobodyElseDoesEither() throws Exception {
		String edition = "t" + UUID.randomUUID().toString().substring(0, 8);
		String list = "/api/scoring/v1/programmes/elorda-zhastary/editions/" + edition + "/lists/EDUCATION";
		UUID application = UUID.randomUUID();
		lists.place(new RankedLists.Entry(application, "EZ-" + edition, "citizen-1", "900101300017",
				LocalDate.of(1995, 1, 1), RankedLists.list("elorda-zhastary", edition), Category.EDUCATION, 25, "v1",
				"Test Applicant"), Instant.now());

		for (RequestPostProcessor notAkimat : new RequestPostProcessor[] { as("citizen"), as("bank-officer") }) {
			mvc.perform(put(list + "/quota").with(notAkimat).contentType(MediaType.APPLICATION_JSON)
				.content("{\"quota\":1}")).andExpect(status().isForbidden());
			mvc.perform(post(list + "/directions").with(notAkimat)).andExpect(status().isForbidden());
		}
		mvc.perform(put(list + "/quota").with(as("akimat-officer")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"quota\":-1}")).andExpect(status().isBadRequest());
		mvc.perform(put(list + "/quota").with(as("akimat-officer")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"quota\":1}")).andExpect(status().isOk());
		String id = JsonPath.read(mvc.perform(post(list + "/directions").with(as("akimat-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("ISSUED"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[0].id");

		mvc.perform(get(list + "/quota").with(as("akimat-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quota").value(1))
			.andExpect(jsonPath("$.holding").value(1));
		mvc.perform(get(list + "/quota").with(as("bank-officer"))).andExpect(status().isForbidden());
		mvc.perform(get(list + "/directions").with(as("bank-officer"))).andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get(list + "/directions").with(as("citizen"))).andExpect(status().isForbidden());

		String outcome = "/api/scoring/v1/directions/" + id + "/outcomes";
		mvc.perform(post(outcome).with(as("akimat-officer")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"VISITED\"}")).andExpect(status().isForbidden());
		mvc.perform(post(outcome).with(as("bank-officer")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"LOAN_ISSUED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("direction-wrong-step"));
		mvc.perform(post(outcome).with(as("bank-officer")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"SOMETHING\"}")).andExpect(status().isBadRequest());
		mvc.perform(post(outcome).with(as("bank-officer")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"VISITED\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VISITED"));
		// a second tab still showing the issued direction records the visit again: a stale write, said in words
		mvc.perform(post(outcome).with(as("bank-officer")).header("Accept-Language", "kk")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"VISITED\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("direction-wrong-step"))
			.andExpect(jsonPath("$.status").value("VISITED"))
			.andExpect(jsonPath("$.step").value("VISITED"))
			.andExpect(jsonPath("$.title").value("Жолдама бойынша мұндай қадам мүмкін емес"))
			.andExpect(jsonPath("$.detail").value(containsString("қазір «банкке келді» күйінде")))
			.andExpect(jsonPath("$.detail").value(not(containsString("VISITED"))));
		mvc.perform(post("/api/scoring/v1/directions/" + UUID.randomUUID() + "/outcomes").with(as("bank-officer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"VISITED\"}")).andExpect(status().isNotFound());

		assertThat(jdbc.sql("select actor from audit_log where subject = ? order by id")
			.param("direction/" + id)
			.query(String.class)
			.list()).containsExactly("akimat.officer", "bank.officer");
	}

	@Test
	void aFailedQualificationNeedsItsReasonInTheCallersLanguage() throws Exception {
		Directions.Direction direction = directed(edition(), "citizen-" + UUID.randomUUID()).getFirst();
		String outcome = "/api/scoring/v1/directions/" + direction.id() + "/outcomes";

		mvc.perform(post(outcome).with(as("bank-officer")).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"QUALIFICATION_FAILED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("give the reason the qualification failed"));
		mvc.perform(post(outcome).with(as("bank-officer")).header("Accept-Language", "kk")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"QUALIFICATION_FAILED\",\"reason\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("біліктіліктен өтпеу себебін көрсетіңіз"));
		assertThat(directions.find(direction.id()).orElseThrow().status()).isEqualTo(Directions.Status.ISSUED);
		assertThat(directions.steps(direction.id())).hasSize(1);

		mvc.perform(post(outcome).with(as("bank-officer")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"QUALIFICATION_FAILED\",\"reason\":\"another loan unpaid\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.reason").value("another loan unpaid"));
	}

	@Test
	void theBanksInboxHasTheNearestOpenDeadlineFirstAndFindsALetterByItsNumber() throws Exception {
		String edition = edition();
		List<Directions.Direction> issued = directed(edition, "a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(),
				"c-" + UUID.randomUUID(), "d-" + UUID.randomUUID());
		Directions.Direction passed = issued.get(0);
		Directions.Direction visited = issued.get(1);
		Directions.Direction waiting = issued.get(2);
		Directions.Direction failed = issued.get(3);
		directions.record(passed.id(), BankOutcome.QUALIFICATION_PASSED, null, "bank");
		directions.record(visited.id(), BankOutcome.VISITED, null, "bank");
		directions.record(failed.id(), BankOutcome.QUALIFICATION_FAILED, "debts", "bank");

		List<Map<String, Object>> all = inbox();
		assertThat(all).as("the visit deadlines (10 working days) before the housing's (60 days), undecided first")
			.isSortedAccordingTo(Comparator
				.comparing((Map<String, Object> item) -> (String) item.get("deadline"),
						Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(item -> (String) item.get("number")));
		assertThat(ids(all)).containsSubsequence(visited.id().toString(), waiting.id().toString(),
				passed.id().toString(), failed.id().toString());
		Map<String, Object> qualified = all.stream().filter(item -> item.get("id").equals(passed.id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(qualified).containsEntry("status", "QUALIFIED")
			.containsEntry("daysLeft", 60)
			.containsEntry("deadline", qualified.get("housingDeadline"))
			.containsEntry("iin", "900101300017")
			.containsEntry("applicantName", "Applicant 0")
			.containsEntry("applicationNumber", "EZ-" + edition + "-0")
			.containsEntry("category", "EDUCATION")
			.doesNotContainKey("verificationCode");

		List<Map<String, Object>> open = inbox("ISSUED", "VISITED");
		assertThat(open).extracting(item -> item.get("status")).containsOnly("ISSUED", "VISITED");
		assertThat(ids(open)).containsSubsequence(visited.id().toString(), waiting.id().toString())
			.doesNotContain(passed.id().toString(), failed.id().toString());
		mvc.perform(get(INBOX).param("status", "ISSUED,VISITED").param("size", "1").with(as("akimat-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(open.size()))
			.andExpect(jsonPath("$.size").value(1));

		List<String> twoPages = new ArrayList<>(ids(page(0, 2)));
		twoPages.addAll(ids(page(1, 2)));
		assertThat(twoPages).isEqualTo(ids(page(0, 4)));

		mvc.perform(get(INBOX).param("number", waiting.number()).with(as("bank-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(waiting.id().toString()))
			.andExpect(jsonPath("$.items[0].iin").value("900315300010"))
			.andExpect(jsonPath("$.items[0].daysLeft").isNumber());
		mvc.perform(get(INBOX).param("number", "НП-1999-000000").with(as("bank-officer")))
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items", hasSize(0)));

		for (String[] bad : new String[][] { { "size", "0" }, { "size", "201" }, { "page", "-1" },
				{ "status", "LOST" } }) {
			mvc.perform(get(INBOX).param(bad[0], bad[1]).with(as("bank-officer"))).andExpect(status().isBadRequest());
		}
	}

	@Test
	void theBankSeesADirectionsCardWithItsHistory() throws Exception {
		Directions.Direction direction = directed(edition(), "citizen-" + UUID.randomUUID()).getFirst();
		Directions.Direction qualified = directions.record(direction.id(), BankOutcome.QUALIFICATION_PASSED,
				"all papers in order", "bank");

		for (String staff : new String[] { "bank-officer", "akimat-officer" }) {
			mvc.perform(get(INBOX + "/" + direction.id()).with(as(staff)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.id").value(direction.id().toString()))
				.andExpect(jsonPath("$.status").value("QUALIFIED"))
				.andExpect(jsonPath("$.iin").value("900101300017"))
				.andExpect(jsonPath("$.daysLeft").value(60))
				.andExpect(jsonPath("$.verificationCode").doesNotExist())
				.andExpect(jsonPath("$.steps", hasSize(2)))
				.andExpect(jsonPath("$.steps[0].step").value("QUALIFICATION_PASSED"))
				.andExpect(jsonPath("$.steps[0].reason").value("all papers in order"))
				.andExpect(jsonPath("$.steps[0].deadline").value(qualified.housingDeadline().toString()))
				.andExpect(jsonPath("$.steps[1].step").value("ISSUED"))
				.andExpect(jsonPath("$.steps[1].deadline").value(direction.visitDeadline().toString()));
		}
		mvc.perform(get(INBOX + "/" + UUID.randomUUID()).with(as("bank-officer")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
	}

	@Test
	void aCitizenSeesTheirOwnDirectionsWithTheCodeAndNobodyElses() throws Exception {
		String dana = "dana-" + UUID.randomUUID();
		String erlan = "erlan-" + UUID.randomUUID();
		List<Directions.Direction> first = directed(edition(), dana, erlan);
		Directions.Direction danas = first.get(0);
		Directions.Direction erlans = first.get(1);
		Directions.Direction danasLater = directed(edition(), dana).getFirst();
		directions.record(danas.id(), BankOutcome.VISITED, null, "bank");

		String mine = mvc.perform(get("/api/scoring/v1/my/directions").with(citizen(dana)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].id").value(danasLater.id().toString()))
			.andExpect(jsonPath("$[0].verificationCode").value(code(danasLater)))
			.andExpect(jsonPath("$[0].visitDeadline").value(danasLater.visitDeadline().toString()))
			.andExpect(jsonPath("$[0].steps[0].step").value("ISSUED"))
			.andExpect(jsonPath("$[1].id").value(danas.id().toString()))
			.andExpect(jsonPath("$[1].verificationCode").value(code(danas)))
			.andExpect(jsonPath("$[1].status").value("VISITED"))
			.andExpect(jsonPath("$[1].steps[*].step").value(contains("VISITED", "ISSUED")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(mine).doesNotContain(erlans.id().toString(), code(erlans), "900315300010");

		mvc.perform(get("/api/scoring/v1/my/directions").with(citizen(erlan)))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(erlans.id().toString()))
			.andExpect(jsonPath("$[0].verificationCode").value(code(erlans)))
			.andExpect(content().string(not(containsString(code(danas)))));
		mvc.perform(get("/api/scoring/v1/my/directions").with(citizen("nobody-" + UUID.randomUUID())))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));

		mvc.perform(get(INBOX).with(citizen(dana))).andExpect(status().isForbidden());
		mvc.perform(get(INBOX).param("number", danas.number()).with(citizen(dana))).andExpect(status().isForbidden());
		mvc.perform(get(INBOX + "/" + danas.id()).with(citizen(dana)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("forbidden"));
		mvc.perform(get(INBOX + "/" + erlans.id()).with(citizen(dana))).andExpect(status().isForbidden());
		for (String staff : new String[] { "bank-officer", "akimat-officer" }) {
			mvc.perform(get("/api/scoring/v1/my/directions").with(as(staff))).andExpect(status().isForbidden());
		}
		for (String path : new String[] { INBOX, INBOX + "/" + danas.id(), "/api/scoring/v1/my/directions" }) {
			mvc.perform(get(path)).andExpect(status().isUnauthorized());
		}
	}

	/** A list of its own with the citizens in this order (the first with the most points), each given a direction. */
	private List<Directions.Direction> directed(String edition, String... citizens) {
		String list = RankedLists.list("elorda-zhastary", edition);
		for (int i = 0; i < citizens.length; i++) {
			lists.place(new RankedLists.Entry(UUID.randomUUID(), "EZ-" + edition + "-" + i, citizens[i], IINS.get(i),
					LocalDate.of(1995, 1, 1), list, Category.EDUCATION, 100 - i, "v1", "Applicant " + i),
					Instant.now());
		}
		directions.setQuota(list, Category.EDUCATION, citizens.length, "akimat.officer");
		return directions.issue(list, Category.EDUCATION, "akimat.officer");
	}

	static final List<String> IINS = List.of("900101300017", "651106450323", "900315300010", "950312401236");

	private static String edition() {
		return "t" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The whole inbox, page by page, as the bank sees it. */
	private List<Map<String, Object>> inbox(String... statuses) throws Exception {
		List<Map<String, Object>> all = new ArrayList<>();
		for (int page = 0;; page++) {
			var request = get(INBOX).param("page", "" + page).param("size", "200").with(as("bank-officer"));
			String json = mvc.perform(statuses.length == 0 ? request : request.param("status", statuses))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			List<Map<String, Object>> items = JsonPath.read(json, "$.items");
			all.addAll(items);
			if (items.isEmpty() || all.size() >= ((Number) JsonPath.read(json, "$.total")).longValue()) {
				return all;
			}
		}
	}

	private List<Map<String, Object>> page(int page, int size) throws Exception {
		return JsonPath.read(mvc.perform(get(INBOX).param("page", "" + page).param("size", "" + size)
			.with(as("bank-officer"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.items");
	}

	private static List<String> ids(List<Map<String, Object>> items) {
		return items.stream().map(item -> (String) item.get("id")).toList();
	}

	private String code(Directions.Direction direction) {
		return jdbc.sql("select verification_code from direction where id = ?")
			.param(direction.id())
			.query(String.class)
			.single();
	}

	private static RequestPostProcessor citizen(String subject) {
		return jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(role.replace("-", ".")))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
