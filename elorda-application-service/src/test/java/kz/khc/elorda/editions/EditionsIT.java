package kz.khc.elorda.editions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import kz.khc.testsupport.EmbeddedPostgresInitializer;
import kz.khc.testsupport.MovableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editions through HTTP into real PostgreSQL: anyone reads them, only akimat officers create them and move their
 * windows, two windows never overlap, and the window decides what is open. Each test's editions lie in a year of
 * their own, far in the future, so tests sharing the database never meet.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class EditionsIT {

	static final MovableClock CLOCK = new MovableClock();

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficerCreatesAnEditionWithTheStandardTermsAndAnyoneReadsIt() throws Exception {
		int year = year();
		String id = "e" + year;
		String body = edition(id, year, 3, 1, year, 4, 1);

		mvc.perform(post(EditionController.EDITIONS).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(json(post(EditionController.EDITIONS), body).with(as("citizen")))
			.andExpect(status().isForbidden());
		mvc.perform(json(post(EditionController.EDITIONS), body).with(as("akimat-officer")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.terms.maxLoan").value(18_000_000))
			.andExpect(jsonPath("$.terms.ageLimit").value(35))
			.andExpect(jsonPath("$.terms.documents[?(@.type == 'NO_PROPERTY_CERTIFICATE')].maxAgeDays").value(hasItem(0)));
		mvc.perform(json(post(EditionController.EDITIONS), body).with(as("akimat-officer")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("edition-exists"));

		mvc.perform(get(EditionController.EDITIONS + "/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Elorda Zhastary " + year))
			.andExpect(jsonPath("$.open").value(false));
		assertThat(jdbc.sql("select actor from audit_log where subject = ? and action = 'edition.created'")
			.param("edition/" + id)
			.query(String.class)
			.single()).isEqualTo("akimat.officer");
	}

	@Test
	void windowsNeverOverlapAndMustCloseAfterTheyOpen() throws Exception {
		int year = year();
		mvc.perform(json(post(EditionController.EDITIONS), edition("a" + year, year, 2, 1, year, 3, 1))
			.with(as("akimat-officer"))).andExpect(status().isCreated());

		mvc.perform(json(post(EditionController.EDITIONS), edition("b" + year, year, 2, 28, year, 5, 1))
			.with(as("akimat-officer")).header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("edition-overlaps"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("edition a" + year + "'s:")));
		// closing exactly when the other opens is no overlap: closesAt is exclusive
		mvc.perform(json(post(EditionController.EDITIONS), edition("c" + year, year, 1, 1, year, 2, 1))
			.with(as("akimat-officer"))).andExpect(status().isCreated());

		mvc.perform(json(post(EditionController.EDITIONS), edition("d" + year, year, 6, 1, year, 6, 1))
			.with(as("akimat-officer")).header("Accept-Language", "kk"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("closesAt"))
			.andExpect(jsonPath("$.errors[0].message").value("қабылдаудың аяқталуы басталуынан кейін болуы керек"));
		mvc.perform(json(post(EditionController.EDITIONS), edition("Bad Id!", year, 7, 1, year, 8, 1))
			.with(as("akimat-officer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void theWindowDecidesWhatIsOpenAndAnOfficerClosesItEarly() throws Exception {
		int year = year();
		String id = "w" + year;
		mvc.perform(json(post(EditionController.EDITIONS), edition(id, year, 3, 1, year, 4, 1))
			.with(as("akimat-officer"))).andExpect(status().isCreated());

		CLOCK.set(opening(year, 3, 1).minusMillis(1));
		mvc.perform(get(EditionController.EDITIONS + "/current").header("Accept-Language", "kk"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("no-open-edition"))
			.andExpect(jsonPath("$.title").value("Өтінім қабылдау жабық"));
		CLOCK.set(opening(year, 3, 1));
		mvc.perform(get(EditionController.EDITIONS + "/current")).andExpect(jsonPath("$.id").value(id));

		mvc.perform(json(post(EditionController.EDITIONS + "/" + id + "/closure"), "{\"reason\":\"\"}")
			.with(as("akimat-officer"))).andExpect(status().isBadRequest());
		mvc.perform(json(post(EditionController.EDITIONS + "/" + id + "/closure"), "{\"reason\":\"quota reached\"}")
			.with(as("citizen"))).andExpect(status().isForbidden());
		mvc.perform(json(post(EditionController.EDITIONS + "/" + id + "/closure"), "{\"reason\":\"quota reached\"}")
			.with(as("akimat-officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.open").value(false));
		mvc.perform(get(EditionController.EDITIONS + "/current")).andExpect(status().isNotFound());

		// and opened again, a week longer
		mvc.perform(json(put(EditionController.EDITIONS + "/" + id + "/window"),
				"{\"opensAt\":\"%s\",\"closesAt\":\"%s\",\"reason\":\"reopened by order 12\"}"
					.formatted(opening(year, 3, 1), opening(year, 4, 8)))
			.with(as("akimat-officer"))).andExpect(jsonPath("$.open").value(true));
		assertThat(jdbc.sql("select reason from audit_log where subject = ? order by id")
			.param("edition/" + id)
			.query(String.class)
			.list()).hasSize(3).last().asString().endsWith("reopened by order 12");
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String edition(String id, int fromYear, int fromMonth, int fromDay, int toYear, int toMonth,
			int toDay) {
		return """
				{"id":"%s","name":"Elorda Zhastary %d","opensAt":"%s","closesAt":"%s"}"""
			.formatted(id, fromYear, opening(fromYear, fromMonth, fromDay), opening(toYear, toMonth, toDay));
	}

	/** Midnight in Almaty (UTC+5). */
	private static Instant opening(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.ofHours(5));
	}

	/** A year of this test's own. */
	private static int year() {
		return ThreadLocalRandom.current().nextInt(3000, 9000);
	}

	private static RequestPostProcessor as(String role) {
		return jwt().jwt(token -> token.subject(role.replace("-", ".")))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
