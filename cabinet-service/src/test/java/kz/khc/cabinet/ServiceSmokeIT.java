package kz.khc.cabinet;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** The service starts on its own migrated database and answers health, metrics and errors as the suite expects. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ServiceSmokeIT {

	@Autowired
	MockMvc mvc;

	@Test
	void isHealthyAndExposesMetrics() throws Exception {
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
	}

	@Test
	void withoutATokenTheApiIsAProblemNotAPage() throws Exception {
		mvc.perform(get("/api/cabinet/v1/anything"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("unauthorized"))
			.andExpect(jsonPath("$.title").value("Требуется вход"));
	}

	@Test
	void unknownPathIsALocalizedProblem() throws Exception {
		mvc.perform(get("/api/cabinet/v1/no-such-thing").with(jwt()).header("Accept-Language", "kk"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("not-found"))
			.andExpect(jsonPath("$.title").value("Табылмады"));
	}
}
