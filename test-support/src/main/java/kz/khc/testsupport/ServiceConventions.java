package kz.khc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service promises the suite, checked on the whole service started on its own migrated database: health
 * and readiness, Prometheus metrics, and errors as localized problem details — 401 without a token, 404 for an
 * unknown path, 415 for a wildcard content type. A service's test extends this with its API's base path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public abstract class ServiceConventions {

	private final String apiBase;

	@Autowired
	protected MockMvc mvc;

	@LocalServerPort
	private int port;

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

	@Test
	void aWildcardContentTypeOverRealHttpIsA415Problem() throws Exception {
		// Tomcat and the character encoding filter make Spring MVC fail on it (MockMvc does not): was a 500
		HttpResponse<String> answer;
		try (var http = HttpClient.newHttpClient()) {
			answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
				.header(HttpHeaders.CONTENT_TYPE, "*/*")
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		assertThat(answer.statusCode()).isEqualTo(415);
		assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"code\":\"unsupported-media-type\"");
	}
}
