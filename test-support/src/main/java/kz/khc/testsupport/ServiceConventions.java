package kz.khc.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service promises the suite, checked on the whole service started on its own migrated database: health
 * and readiness, Prometheus metrics, and errors as localized problem details — 401 without a token, 404 for an
 * unknown path. A service's test extends this with its API's base path.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public abstract class ServiceConventions {

	private final String apiBase;

	@Autowired
	protected MockMvc mvc;

	/** @param apiBase the service's versioned API path, e.g. {@code /api/cabinet/v1} */
	protected ServiceConventions(String apiBase) {
		this.apiBase = apiBase;
	}

	@Test
	void isHealthyAndReadyAndExposesMetrics() throws Exception {
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
	}

	@Test
	void withoutATokenTheApiAnswersAProblemNotAPage() throws Exception {
		mvc.perform(get(apiBase + "/anything"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("unauthorized"))
			.andExpect(jsonPath("$.title").value("Требуется вход"));
	}

	@Test
	void anUnknownPathIsALocalizedProblem() throws Exception {
		mvc.perform(get(apiBase + "/no-such-thing").with(jwt()).header("Accept-Language", "kk"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("not-found"))
			.andExpect(jsonPath("$.title").value("Табылмады"))
			.andExpect(jsonPath("$.traceId").isNotEmpty());
	}
}
