package kz.khc.scoring.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.khc.contracts.scoring.v1.BankOutcome;
import kz.khc.scoring.directions.Directions;
import kz.khc.scoring.ranking.RankedLists;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The akimat reads a direction's audit trail, newest first; the bank and citizens do not. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class AuditControllerIT {

	static final String AUDIT = "/api/scoring/v1/audit";

	@Autowired
	MockMvc mvc;

	@Autowired
	RankedLists lists;

	@Autowired
	Directions directions;

	@Test
	void theAkimatReadsADirectionsTrailNewestFirstAndNobodyElseDoes() throws Exception {
		String list = RankedLists.list("elorda-zhastary", "t" + UUID.randomUUID().toString().substring(0, 8));
		lists.place(new RankedLists.Entry(UUID.randomUUID(), "EZ-" + list, "citizen-" + list, "900101300017",
				LocalDate.of(1995, 1, 1), list, Category.SPORT, 10, "v1", "Test Applicant"), Instant.now());
		directions.setQuota(list, Category.SPORT, 1, "akimat.officer");
		UUID id = directions.issue(list, Category.SPORT, "akimat.officer").getFirst().id();
		directions.record(id, BankOutcome.VISITED, "came on time", "bank.officer");
		String subject = "direction/" + id;

		mvc.perform(get(AUDIT).param("subject", subject).with(as("akimat-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].action").value("direction.visited"))
			.andExpect(jsonPath("$.items[0].actor").value("bank.officer"))
			.andExpect(jsonPath("$.items[0].reason").value("came on time"))
			.andExpect(jsonPath("$.items[0].subject").value(subject))
			.andExpect(jsonPath("$.items[0].occurredAt").exists())
			.andExpect(jsonPath("$.items[1].action").value("direction.issued"))
			.andExpect(jsonPath("$.items[1].actor").value("akimat.officer"));
		mvc.perform(get(AUDIT).param("subject", subject).param("page", "1").param("size", "1")
			.with(as("akimat-officer")))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].action").value("direction.issued"));
		mvc.perform(get(AUDIT).param("subject", "direction/" + UUID.randomUUID()).with(as("akimat-officer")))
			.andExpect(jsonPath("$.total").value(0));

		for (String notAkimat : new String[] { "bank-officer", "citizen" }) {
			mvc.perform(get(AUDIT).param("subject", subject).with(as(notAkimat)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("forbidden"));
		}
		mvc.perform(get(AUDIT).param("subject", subject)).andExpect(status().isUnauthorized());
		mvc.perform(get(AUDIT).with(as("akimat-officer"))).andExpect(status().isBadRequest());
		mvc.perform(get(AUDIT).param("subject", subject).param("size", "201").with(as("akimat-officer")))
			.andExpect(status().isBadRequest());
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(role.replace("-", ".")))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
