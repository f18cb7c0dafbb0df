package kz.khc.scoring.directions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

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
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Directions through HTTP: who may do what, and the answers for a wrong step or a bad request. */
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
		mvc.perform(post("/api/scoring/v1/directions/" + UUID.randomUUID() + "/outcomes").with(as("bank-officer"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"VISITED\"}")).andExpect(status().isNotFound());

		assertThat(jdbc.sql("select actor from audit_log where subject = ? order by id")
			.param("direction/" + id)
			.query(String.class)
			.list()).containsExactly("akimat.officer", "bank.officer");
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(role.replace("-", ".")))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
