package kz.khc.scoring.applications;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.scoring.ranking.RankedLists;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Submitted applications against real PostgreSQL: assessed once as of the submission day in Asia/Almaty, the
 * assessment published and kept with its rules text; ranked when verified and eligible, in either order of the
 * events; explained to the akimat and to the applicant, and to nobody else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ApplicationsIT {

	@Autowired
	Applications applications;

	@Autowired
	RankedLists lists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	@Test
	void theSubmissionDayIsAlmatysAndAnApplicationIsAssessedOnce() throws Exception {
		// 19:30 UTC on 11 March is 00:30 on 12 March in Astana: the 36th birthday, too old (DOMAIN E2)
		ApplicationSubmitted late = submission(Instant.parse("2026-03-11T19:30:00Z"), "1990-03-12");
		applications.submitted(late);
		ApplicationSubmitted early = submission(Instant.parse("2026-03-11T18:30:00Z"), "1990-03-12");
		applications.submitted(early);

		assertThat(published(late.applicationId())).singleElement()
			.satisfies(event -> assertThat(event).contains("\"eligible\":false", "\"code\":\"E2\",\"passed\":false",
					"\"asOf\":\"2026-03-12\"", "\"edition\":\"2026\""));
		assertThat(published(early.applicationId())).singleElement()
			.satisfies(event -> assertThat(event).contains("\"eligible\":true", "\"points\":33", "\"asOf\":\"2026-03-11\""));

		applications.submitted(again(early)); // the intake sent it twice
		assertThat(published(early.applicationId())).hasSize(1);
		assertThat(jdbc.sql("select count(*) from rules_version r join application a on a.rules_version = r.version"
				+ " where a.application_id = ?").param(early.applicationId()).query(Long.class).single()).isOne();
	}

	@Test
	void rankedOnceVerifiedAndEligibleWhicheverEventComesFirst() {
		ApplicationSubmitted verifiedFirst = submission(Instant.parse("2026-04-01T05:00:00Z"), "1994-05-05");
		applications.verified(verification(verifiedFirst));
		assertThat(lists.position(verifiedFirst.applicationId())).isEmpty();
		applications.submitted(verifiedFirst);
		assertThat(lists.position(verifiedFirst.applicationId())).isPresent();

		ApplicationSubmitted submittedFirst = submission(Instant.parse("2026-04-01T05:00:00Z"), "1994-05-06");
		applications.submitted(submittedFirst);
		assertThat(lists.position(submittedFirst.applicationId())).isEmpty();
		applications.verified(verification(submittedFirst));
		applications.verified(verification(submittedFirst)); // the akimat's event again: still one place
		assertThat(lists.position(submittedFirst.applicationId())).isPresent();
		assertThat(audit(submittedFirst.applicationId())).contains("application.assessed", "application.ranked");
	}

	@Test
	void verifiedButNotEligibleOrNotAssessedIsNotRankedAndTheAuditSaysWhy() {
		ApplicationSubmitted tooOld = submission(Instant.parse("2026-04-01T05:00:00Z"), "1980-01-01");
		applications.submitted(tooOld);
		applications.verified(verification(tooOld));
		assertThat(lists.position(tooOld.applicationId())).isEmpty();
		assertThat(jdbc.sql("select reason from audit_log where subject = ? and action = 'application.not-ranked'")
			.param("application/" + tooOld.applicationId())
			.query(String.class)
			.single()).contains("not eligible: E2");

		ApplicationSubmitted without = submission(Instant.parse("2026-04-01T05:00:00Z"), "1994-05-05");
		without = new ApplicationSubmitted(without.eventId(), without.occurredAt(), without.applicationId(),
				without.applicationNumber(), without.category(), without.submittedAt(), without.applicantId(),
				without.applicantIin(), without.contact(), null);
		applications.submitted(without);
		applications.verified(verification(without));
		assertThat(lists.position(without.applicationId())).isEmpty();
		assertThat(published(without.applicationId())).isEmpty();
		assertThat(audit(without.applicationId())).containsExactly("application.not-assessed",
				"application.not-ranked");
	}

	@Test
	void theAkimatAndTheApplicantReadTheAssessmentInTheirLanguageAndNobodyElseDoes() throws Exception {
		ApplicationSubmitted submitted = submission(Instant.parse("2026-04-01T05:00:00Z"), "1994-05-05");
		applications.submitted(submitted);
		String path = "/api/scoring/v1/applications/" + submitted.applicationId() + "/assessment";

		mvc.perform(get(path).with(as("akimat-officer", "officer")).header("Accept-Language", "kk"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assessment.eligible").value(true))
			.andExpect(jsonPath("$.assessment.points").value(33))
			.andExpect(jsonPath("$.assessment.criteria[?(@.code == 'E2')].message").value(hasItem(containsString("жас"))))
			.andExpect(jsonPath("$.reproduced").value(true))
			.andExpect(jsonPath("$.facts.applicant.iin").value("950312400238"));
		mvc.perform(get(path).with(as("citizen", submitted.applicantId()))).andExpect(status().isForbidden());
		mvc.perform(get(path).with(as("bank-officer", "bank"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/scoring/v1/applications/" + UUID.randomUUID() + "/assessment")
			.with(as("akimat-officer", "officer"))).andExpect(status().isNotFound());

		mvc.perform(get("/api/scoring/v1/my/applications").with(as("citizen", submitted.applicantId())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].applicationNumber").value(submitted.applicationNumber()));
		mvc.perform(get("/api/scoring/v1/my/applications").with(as("citizen", "someone-else")))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void anEarlierDecisionIsMadeAgainByTheRulesTextItWasMadeWith() throws Exception {
		ApplicationSubmitted submitted = submission(Instant.parse("2026-04-01T05:00:00Z"), "1994-05-05");
		applications.submitted(submitted);
		// as if the decision had been made by rules with a far lower income limit for 2026
		jdbc.sql("""
				insert into rules_version (version, programme, text, first_used_at)
				select 'earlier-' || version, programme, replace(text, 'subsistenceMinimum: 50851', 'subsistenceMinimum: 1000'), now()
				from rules_version where version = (select rules_version from application where application_id = :id)""")
			.param("id", submitted.applicationId())
			.update();
		jdbc.sql("update application set rules_version = 'earlier-' || rules_version where application_id = ?")
			.param(submitted.applicationId())
			.update();

		mvc.perform(get("/api/scoring/v1/applications/" + submitted.applicationId() + "/assessment")
			.with(as("akimat-officer", "officer")))
			.andExpect(jsonPath("$.assessment.criteria[?(@.code == 'E7')].passed").value(hasItem(false)))
			.andExpect(jsonPath("$.reproduced").value(false)); // the kept outcome says E7 passed: told, not hidden
	}

	private ApplicationSubmitted submission(Instant submittedAt, String birthDate) {
		try (InputStream in = getClass().getResourceAsStream("/samples/elorda.application-submitted.v1.json")) {
			ObjectNode sample = (ObjectNode) json.readTree(in);
			String id = UUID.randomUUID().toString();
			sample.put("eventId", UUID.randomUUID().toString());
			sample.put("applicationId", id);
			sample.put("applicationNumber", "EZ-T-" + id.substring(0, 13));
			sample.put("applicantId", "citizen-" + id);
			sample.put("submittedAt", submittedAt.toString());
			((ObjectNode) sample.get("facts").get("applicant")).put("birthDate", birthDate);
			return json.treeToValue(sample, ApplicationSubmitted.class);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ApplicationSubmitted again(ApplicationSubmitted event) {
		return new ApplicationSubmitted(UUID.randomUUID(), event.occurredAt(), event.applicationId(),
				event.applicationNumber(), ProgrammeCategory.EDUCATION, event.submittedAt(), event.applicantId(),
				event.applicantIin(), event.contact(), event.facts());
	}

	private static ApplicationVerified verification(ApplicationSubmitted submitted) {
		return new ApplicationVerified(UUID.randomUUID(), Instant.now(), submitted.applicationId(),
				submitted.applicationNumber(), String.valueOf(submitted.applicantId()), submitted.category(), 33,
				Instant.now());
	}

	private List<String> published(UUID applicationId) {
		return jdbc.sql("""
				select serialized_event from event_publication
				where event_type like '%ApplicationAssessed' and serialized_event like '%' || ? || '%'""")
			.param(applicationId.toString())
			.query(String.class)
			.list();
	}

	private List<String> audit(UUID applicationId) {
		return jdbc.sql("select action from audit_log where subject = ? order by id")
			.param("application/" + applicationId)
			.query(String.class)
			.list();
	}

	private static RequestPostProcessor as(String role, String subject) {
		return jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}
}
