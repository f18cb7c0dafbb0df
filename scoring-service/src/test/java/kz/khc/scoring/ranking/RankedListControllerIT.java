package kz.khc.scoring.ranking;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import kz.khc.scoring.rules.Facts.Category;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DOMAIN S4 through HTTP: the public list shows positions, points and masked IINs only; staff see whole entries
 * with ties and export them, each export audited; a citizen finds their own position; nobody else gets the staff's
 * view.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class RankedListControllerIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	RankedLists lists;

	@Autowired
	JdbcClient jdbc;

	/** An edition of its own: the test database is shared. */
	final String edition = "t" + UUID.randomUUID().toString().substring(0, 8);

	String path;

	@BeforeEach
	void threeApplicants() {
		path = "/api/scoring/v1/programmes/elorda-zhastary/editions/" + edition + "/lists/HEALTHCARE";
		place("dana", "651106450323", LocalDate.of(1990, 1, 1), 18);
		place("erlan", "900315300010", LocalDate.of(1991, 1, 1), 23);
		place("aigerim", "900101300017", LocalDate.of(1991, 1, 1), 23);
	}

	@Test
	void thePublicSeesPositionsPointsAndMaskedIinsOnly() throws Exception {
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items", hasSize(3)))
			.andExpect(jsonPath("$.items[0].position").value(1))
			.andExpect(jsonPath("$.items[0].points").value(23))
			.andExpect(jsonPath("$.items[2].iin").value("65********23"))
			.andExpect(jsonPath("$.items[0].applicationNumber").doesNotExist())
			.andExpect(jsonPath("$.items[0].birthDate").doesNotExist());
		mvc.perform(get(path).param("size", "1").param("page", "2"))
			.andExpect(jsonPath("$.items[0].position").value(3));
	}

	@Test
	void staffSeeWholeEntriesWithTheTiedPairAndExportThem() throws Exception {
		mvc.perform(get(path + "/entries").with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].applicantIin").exists())
			.andExpect(jsonPath("$.items[0].tied").value(true))
			.andExpect(jsonPath("$.items[1].tied").value(true))
			.andExpect(jsonPath("$.items[2].tied").value(false));

		String csv = mvc.perform(get(path + "/export.csv").with(officer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"elorda-zhastary-" + edition
					+ "-healthcare.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).hasSize(4)
			.last()
			.satisfies(line -> assertThat(line).startsWith("3;").contains("651106450323;1990-01-01;18;"));

		byte[] xlsx = mvc.perform(get(path + "/export.xlsx").with(officer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheet("HEALTHCARE");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("651106450323");
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("yes");
		}
	}

	@Test
	void whoTookAnExportIsAudited() throws Exception {
		var officer = jwt().jwt(token -> token.subject("akimat.officer.7"))
			.authorities(new SimpleGrantedAuthority("ROLE_akimat-officer"));
		mvc.perform(get(path + "/export.csv").with(citizen("dana"))).andExpect(status().isForbidden());
		mvc.perform(get(path + "/export.csv").with(officer)).andExpect(status().isOk());
		mvc.perform(get(path + "/export.xlsx").with(officer)).andExpect(status().isOk());

		assertThat(jdbc.sql("select actor, action, reason from audit_log where subject = ? order by id")
			.param("list/elorda-zhastary/" + edition + "/HEALTHCARE")
			.query((rs, row) -> rs.getString("actor") + " " + rs.getString("action") + " " + rs.getString("reason"))
			.list()).containsExactly("akimat.officer.7 list.exported csv, 3 rows",
					"akimat.officer.7 list.exported xlsx, 3 rows");
	}

	@Test
	void onlyAkimatStaffGetTheEntriesAndExports() throws Exception {
		for (String staffOnly : new String[] { "/entries", "/export.csv", "/export.xlsx" }) {
			mvc.perform(get(path + staffOnly)).andExpect(status().isUnauthorized());
			mvc.perform(get(path + staffOnly).with(citizen("dana"))).andExpect(status().isForbidden());
			mvc.perform(get(path + staffOnly).with(jwt().authorities(new SimpleGrantedAuthority("ROLE_bank-officer"))))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void aCitizenFindsTheirOwnPositionAndNobodyElses() throws Exception {
		mvc.perform(get("/api/scoring/v1/my/positions").with(citizen("dana-" + edition)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].position").value(3))
			.andExpect(jsonPath("$[0].of").value(3))
			.andExpect(jsonPath("$[0].points").value(18));
		mvc.perform(get("/api/scoring/v1/my/positions").with(citizen("nobody"))).andExpect(content().json("[]"));
	}

	@Test
	void staffChooseAmongTheEditionsOfTheRulesAndOfTheLists() throws Exception {
		String editions = "/api/scoring/v1/programmes/elorda-zhastary/editions";
		int year = LocalDate.now(ZoneId.of("Asia/Almaty")).getYear();
		mvc.perform(get(editions).with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("2026"))
			.andExpect(jsonPath("$[0].from").value("2026-01-01"))
			.andExpect(jsonPath("$[0].to").value("2027-01-01"))
			.andExpect(jsonPath("$[0].inEffect").value(year == 2026))
			.andExpect(jsonPath("$[1].id").value("2025"))
			.andExpect(jsonPath("$[4].id").value("2022"))
			.andExpect(jsonPath("$[4].inEffect").value(false))
			.andExpect(jsonPath("$[?(@.inEffect == true)]", hasSize(year >= 2022 && year <= 2026 ? 1 : 0)))
			// this test's own edition is in no rules, only in the lists: after the rules' editions, without dates
			.andExpect(jsonPath("$[?(@.id == '" + edition + "')].ranked").value(contains(3)))
			.andExpect(jsonPath("$[?(@.id == '" + edition + "')].from").value(contains(nullValue())));
		mvc.perform(get("/api/scoring/v1/programmes/qoljetimdi-baspana-2020/editions").with(officer()))
			.andExpect(jsonPath("$[0].id").value("2020"))
			.andExpect(jsonPath("$[0].to").value(nullValue()))
			.andExpect(jsonPath("$[?(@.id == '" + edition + "')]", hasSize(0)));

		mvc.perform(get(editions)).andExpect(status().isUnauthorized());
		mvc.perform(get(editions).with(citizen("dana"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/scoring/v1/programmes/nowhere/editions").with(officer()))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.code").value("programme-not-found"));
	}

	@Test
	void badListAddressesAreClearProblems() throws Exception {
		mvc.perform(get("/api/scoring/v1/programmes/nowhere/editions/2023/lists/HEALTHCARE"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("programme-not-found"));
		mvc.perform(get("/api/scoring/v1/programmes/elorda-zhastary/editions/2023/lists/DOCTORS"))
			.andExpect(status().isBadRequest());
		mvc.perform(get(path).param("size", "201")).andExpect(status().isBadRequest());
		mvc.perform(get(path).param("page", "-1")).andExpect(status().isBadRequest());
	}

	private void place(String who, String iin, LocalDate birthDate, int points) {
		lists.place(new RankedLists.Entry(UUID.randomUUID(), "EZ-" + who + "-" + edition, who + "-" + edition, iin,
				birthDate, RankedLists.list("elorda-zhastary", edition), Category.HEALTHCARE, points, "v1", "Test Applicant"),
				Instant.now());
	}

	private static RequestPostProcessor officer() {
		return jwt().authorities(new SimpleGrantedAuthority("ROLE_akimat-officer"));
	}

	private static RequestPostProcessor citizen(String subject) {
		return jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}
}
