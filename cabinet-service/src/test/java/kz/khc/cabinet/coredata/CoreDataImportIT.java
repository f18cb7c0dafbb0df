package kz.khc.cabinet.coredata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The core-data import into real PostgreSQL and the client's reads of it: idempotent re-runs, bad lines reported
 * without stopping the rest, statuses as of a fixed day, and no client seeing another's contracts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class CoreDataImportIT {

	/** 2022-08-15 in Astana: June paid, July paid on time and written off on the 25th, August overdue. */
	static final Instant TODAY = Instant.parse("2022-08-15T06:00:00Z");

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(TODAY, ZoneId.of("Asia/Almaty"));
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void load() throws Exception {
		upload("good.jsonl");
	}

	@Test
	void importingTheSameFileAgainChangesNothing() throws Exception {
		List<Map<String, Object>> before = snapshot();

		mvc.perform(post("/api/cabinet/v1/core-data/imports").with(operator())
			.contentType("application/x-ndjson")
			.content(file("good.jsonl")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines").value(4))
			.andExpect(jsonPath("$.applied").value(0))
			.andExpect(jsonPath("$.unchanged").value(4))
			.andExpect(jsonPath("$.rejected").isEmpty());

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void badLinesAreReportedWithTheirNumbersAndTheGoodOnesApplied() throws Exception {
		mvc.perform(post("/api/cabinet/v1/core-data/imports").with(operator())
			.contentType("application/x-ndjson")
			.content(file("bad-rows.jsonl")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines").value(6))
			.andExpect(jsonPath("$.rejected[*].line").value(org.hamcrest.Matchers.contains(1, 3, 4, 5)))
			.andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.containsString("iin")))
			.andExpect(jsonPath("$.rejected[2].reason").value(org.hamcrest.Matchers.containsString("accountNumber")))
			.andExpect(jsonPath("$.rejected[3].reason").value(org.hamcrest.Matchers.containsString("paymentsCount")));

		assertThat(jdbc.sql("select count(*) from client where account_number in ('110000101200', '110000101201')")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select number from contract where number in ('ИК-2022/0003', 'ИК-2022/0004', 'ИК-2022/0005')")
			.query(String.class).list()).containsExactly("ИК-2022/0005");
		assertThat(jdbc.sql("""
				select count(*) from schedule_row r join contract c on c.id = r.contract_id where c.number = 'ИК-2022/0004'""")
			.query(Long.class).single()).isZero();
	}

	@Test
	void onlyOperatorsImport() throws Exception {
		mvc.perform(post("/api/cabinet/v1/core-data/imports").with(client("110000101182"))
			.contentType("application/x-ndjson")
			.content(file("good.jsonl"))).andExpect(status().isForbidden());
	}

	@Test
	void theClientSeesProfileContractsAndScheduleWithStatuses() throws Exception {
		mvc.perform(get("/api/cabinet/v1/profile").with(client("110000101182")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.surname").value("Сейтказиева"))
			.andExpect(jsonPath("$.mobile").value("+77012345678"))
			.andExpect(jsonPath("$.emailVerified").isBoolean()); // CoreChangesIT verifies it, on the same database

		String id = contractId("ИК-2022/0001");
		mvc.perform(get("/api/cabinet/v1/contracts/" + id).with(client("110000101182")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paymentsMade").value(2))
			.andExpect(jsonPath("$.paymentsLeft").value(2))
			.andExpect(jsonPath("$.sumPaid").value(200000.00))
			.andExpect(jsonPath("$.remainingDebt").value(1080000.00))
			.andExpect(jsonPath("$.debt.overdueMonthlyPayments").value(100000.00))
			.andExpect(jsonPath("$.debt.penalty").value(1234.56))
			.andExpect(jsonPath("$.debt.total").value(101234.56));

		mvc.perform(get("/api/cabinet/v1/contracts/" + id + "/schedule").with(client("110000101182"))
			.param("year", "2022")
			.param("size", "2")
			.param("page", "1")
			.header("Accept-Language", "kk"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.years").value(org.hamcrest.Matchers.contains(2022, 2023)))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].dueDate").value("2022-08-10"))
			.andExpect(jsonPath("$.items[0].status").value("OVERDUE"))
			.andExpect(jsonPath("$.items[0].statusText").value("Мерзімі өткен"));
		mvc.perform(get("/api/cabinet/v1/contracts/" + id + "/schedule").with(client("110000101182"))
			.param("year", "2022")
			.param("size", "2")
			.param("page", "5"))
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.total").value(3));
		mvc.perform(get("/api/cabinet/v1/contracts/" + id + "/schedule").with(client("110000101182"))
			.param("year", "2022"))
			.andExpect(jsonPath("$.items[*].status")
				.value(org.hamcrest.Matchers.contains("PAID", "PAID", "OVERDUE")));
	}

	@Test
	void aClientAskingForAnotherClientsContractGetsNotFound() throws Exception {
		String othersContract = contractId("ИК-2022/0002");

		mvc.perform(get("/api/cabinet/v1/contracts/" + othersContract).with(client("110000101182")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
		mvc.perform(get("/api/cabinet/v1/contracts/" + othersContract + "/schedule").with(client("110000101182")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/cabinet/v1/contracts").with(client("110000101182")))
			.andExpect(jsonPath("$[*].number").value(org.hamcrest.Matchers.contains("ИК-2022/0001")));
		mvc.perform(get("/api/cabinet/v1/contracts/" + othersContract).with(client("110000101199")))
			.andExpect(status().isOk());
	}

	@Test
	void aTokenWithoutAKnownAccountSeesNothing() throws Exception {
		mvc.perform(get("/api/cabinet/v1/profile").with(client("999999999999"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/cabinet/v1/contracts").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_citizen"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void identityServiceChecksAPrimaryAuthorizationTupleWithoutLearningWhichPartIsWrong() throws Exception {
		String tuple = """
				{"accountNumber":"110000101182","iin":"651106450323","contractNumber":"ИК-2022/0001",
				 "contractDate":"2022-01-05","mobile":"%s"}""";
		RequestPostProcessor identity = jwt().authorities(new SimpleGrantedAuthority("ROLE_identity-service"));

		mvc.perform(post("/internal/cabinet/v1/primary-authorization/checks").with(identity)
			.contentType("application/json")
			.content(tuple.formatted("8 701 234 56 78")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matches").value(true))
			.andExpect(jsonPath("$.clientId").isNotEmpty())
			.andExpect(jsonPath("$.surname").isNotEmpty())
			.andExpect(jsonPath("$.firstName").isNotEmpty());
		for (String wrong : List.of(tuple.formatted("+77012345679"), tuple.formatted("+77012345678")
			.replace("2022-01-05", "2022-01-06"), tuple.formatted("+77012345678").replace("ИК-2022/0001", "ИК-2022/0002"),
				tuple.formatted("+77012345678").replace("651106450323", "900101300017"))) {
			mvc.perform(post("/internal/cabinet/v1/primary-authorization/checks").with(identity)
				.contentType("application/json")
				.content(wrong))
				.andExpect(status().isOk())
				.andExpect(content().json("{\"matches\":false,\"clientId\":null,\"surname\":null,\"firstName\":null}", true));
		}
		mvc.perform(post("/internal/cabinet/v1/primary-authorization/checks").with(client("110000101182"))
			.contentType("application/json")
			.content(tuple.formatted("+77012345678"))).andExpect(status().isForbidden());
		mvc.perform(post("/internal/cabinet/v1/primary-authorization/checks").with(identity)
			.contentType("application/json")
			.content("{\"accountNumber\":\"1100\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("validation-failed"));
	}

	private void upload(String name) throws Exception {
		mvc.perform(post("/api/cabinet/v1/core-data/imports").with(operator())
			.contentType("application/x-ndjson")
			.content(file(name))).andExpect(status().isOk());
	}

	private String contractId(String number) {
		return jdbc.sql("select id from contract where number = ?").param(number).query(String.class).single();
	}

	private List<Map<String, Object>> snapshot() {
		return jdbc.sql("""
				select c.number, c.updated_at, c.source_hash, r.seq, r.due_date, r.payment, r.written_off_on, k.updated_at as client_updated
				from contract c join client k on k.id = c.client_id join schedule_row r on r.contract_id = c.id
				where c.number in ('ИК-2022/0001', 'ИК-2022/0002') order by c.number, r.seq""").query().listOfRows();
	}

	private static byte[] file(String name) throws Exception {
		try (InputStream in = CoreDataImportIT.class.getResourceAsStream("/coredata/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
		}
	}

	private static RequestPostProcessor operator() {
		return jwt().jwt(token -> token.subject("operator-1")).authorities(new SimpleGrantedAuthority("ROLE_cabinet-operator"));
	}

	private static RequestPostProcessor client(String accountNumber) {
		return jwt().jwt(token -> token.subject("client-" + accountNumber).claim("account_number", accountNumber))
			.authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}
}
