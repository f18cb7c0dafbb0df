package kz.khc.cabinet.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.AfterEach;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FAQ through the real HTTP stack on real PostgreSQL: the seeded questions of seed 000, full-text search in
 * Russian word forms and in Kazakh, paging, the reader's language with the Russian fallback, and editing by staff
 * only, audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class FaqIT {

	static final String FAQ = "/api/cabinet/v1/faq";

	/** Seeded (V2_1__faq_seed.sql): «Будет ли начисляться пеня, если день погашения попадает на выходной…». */
	static final String PENALTY = "5f0a0000-0000-4000-8000-000000000003";

	static final String EDITOR = "test-editor";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@AfterEach
	void removeWhatTheTestsAdded() {
		jdbc.sql("delete from faq_entry where updated_by = ?").param(EDITOR).update();
	}

	@Test
	void theTenQuestionsOfTheCabinetAreThereInOrderForAnyoneWithoutAToken() throws Exception {
		mvc.perform(get(FAQ))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(10))
			.andExpect(jsonPath("$.total").value(10))
			.andExpect(jsonPath("$.items", hasSize(10)))
			.andExpect(jsonPath("$.items[0].question").value("Возможно ли проводить ремонт или перепланировку"
					+ " в квартире, которая является залоговым обеспечением?"))
			.andExpect(jsonPath("$.items[2].id").value(PENALTY))
			.andExpect(jsonPath("$.items[2].answer").value(containsString("первый следующий за ним рабочий день")))
			.andExpect(jsonPath("$.items[9].question").value(containsString("оценки платежеспособности")));

		assertThat(jdbc.sql("select count(*) from faq_translation where language = 'kk'").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from faq_entry").query(Long.class).single());
	}

	@Test
	void readersGetTheirLanguage() throws Exception {
		mvc.perform(get(FAQ).header("Accept-Language", "kk"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[2].question")
				.value("Өтеу күні демалыс немесе мереке күніне сәйкес келсе, өсімпұл есептеле ме?"));
		mvc.perform(get(FAQ).header("Accept-Language", "en-US,en;q=0.9"))
			.andExpect(jsonPath("$.items[2].question").value(
					"Will a penalty accrue if the due date falls on a weekend or a public holiday?"));
		mvc.perform(get(FAQ).header("Accept-Language", "de"))
			.andExpect(jsonPath("$.items[2].question").value(containsString("пеня")));
	}

	@Test
	void russianSearchFindsOtherFormsOfTheWord() throws Exception {
		for (String form : List.of("пени", "пеню", "ПЕНЯ", "начисляется пеня")) {
			mvc.perform(get(FAQ).param("q", form))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.items[0].id").value(PENALTY));
		}
	}

	@Test
	void searchRanksByRelevanceThenPosition() throws Exception {
		// «выкуп» is in the question of entry 7 («Когда можно будет выкупить жилье?») but only in the answer of entry 5
		JsonNode found = json.readTree(mvc.perform(get(FAQ).param("q", "выкуп"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		List<String> ids = new ArrayList<>();
		found.get("items").forEach(item -> ids.add(item.get("id").asString()));
		assertThat(ids).startsWith("5f0a0000-0000-4000-8000-000000000007")
			.contains("5f0a0000-0000-4000-8000-000000000005");
		mvc.perform(get(FAQ).param("q", "созаемщика"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].question").value("Как можно исключить/заменить созаемщика?"));
	}

	@Test
	void kazakhSearchUsesTheKazakhText() throws Exception {
		mvc.perform(get(FAQ).param("q", "өсімпұл").header("Accept-Language", "kk"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(PENALTY))
			.andExpect(jsonPath("$.items[0].answer").value(containsString("жұмыс күні")));
		mvc.perform(get(FAQ).param("q", "Кепілгерді").header("Accept-Language", "kk"))
			.andExpect(jsonPath("$.items[0].question").value("Кепілгерді қалай шығаруға/ауыстыруға болады?"));
	}

	@Test
	void englishSearchIsStemmedToo() throws Exception {
		mvc.perform(get(FAQ).param("q", "penalties").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items[0].id").value(PENALTY));
	}

	@Test
	void pagesCountTheWholeResult() throws Exception {
		long total = jdbc.sql("select count(*) from faq_entry").query(Long.class).single();
		List<String> seen = new ArrayList<>();
		for (int page = 0; page * 3 < total; page++) {
			String body = mvc.perform(get(FAQ).param("page", "" + page).param("size", "3"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.page").value(page))
				.andExpect(jsonPath("$.size").value(3))
				.andExpect(jsonPath("$.total").value(total))
				.andReturn()
				.getResponse()
				.getContentAsString();
			json.readTree(body).get("items").forEach(item -> seen.add(item.get("id").asString()));
		}
		assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
		mvc.perform(get(FAQ).param("page", "1").param("size", "10"))
			.andExpect(jsonPath("$.items", hasSize((int) total - 10)))
			.andExpect(jsonPath("$.total").value(total));
		mvc.perform(get(FAQ).param("page", "1000").param("size", "50"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.total").value(total));
		mvc.perform(get(FAQ).param("q", "заявление").param("size", "1"))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(1)));
	}

	@Test
	void pageAndSizeOutOfRangeAreAProblemWithTheField() throws Exception {
		mvc.perform(get(FAQ).param("size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get(FAQ).param("size", "51").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 50"));
		mvc.perform(get(FAQ).param("page", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(get(FAQ).param("page", "first"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get(FAQ).param("q", "пеня ".repeat(50)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@Test
	void anyTextTypedIntoTheSearchBoxIsAnsweredNeverAnError() throws Exception {
		for (String q : List.of("!!!", "?", "и", "или не", "the", "'", "\"", "\"пеня", "a & | b", "!(пени)", ":*",
				"-пеня", "пеня:*", "or", "\\", "' or 1=1 --", "%", "<script>", "\u0000", "пеня\u0000пени", " ",
				"😀", "ﾃｽﾄ", "a".repeat(200))) {
			mvc.perform(get(FAQ).param("q", q).header("Accept-Language", "ru"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items").isArray());
		}
		mvc.perform(get(FAQ).param("q", "и в на"))
			.andExpect(jsonPath("$.items").isEmpty())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get(FAQ).param("q", "   "))
			.andExpect(jsonPath("$.total").value(10));
		mvc.perform(get(FAQ).param("q", "пеня\u0000"))
			.andExpect(jsonPath("$.items[0].id").value(PENALTY));
	}

	@Test
	void editorCreatesReplacesAndDeletesEachChangeAudited() throws Exception {
		String created = mvc
			.perform(post(FAQ).with(editor())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"ru": {"question": "Как подтвердить электронную почту?",
						        "answer": "Введите адрес в разделе «Профиль» и перейдите по ссылке из письма."},
						 "kk": {"question": "Электрондық поштаны қалай растауға болады?",
						        "answer": "«Профиль» бөлімінде мекенжайды енгізіп, хаттағы сілтемеге өтіңіз."}}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(FAQ + "/")))
			.andExpect(jsonPath("$.position").value(11))
			.andExpect(jsonPath("$.kk.question").value("Электрондық поштаны қалай растауға болады?"))
			.andExpect(jsonPath("$.en").isEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = json.readTree(created).get("id").asString();

		mvc.perform(get(FAQ).param("q", "почты"))
			.andExpect(jsonPath("$.items[0].id").value(id));
		mvc.perform(get(FAQ).param("page", "1").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items[*].question", hasItem("Как подтвердить электронную почту?")));

		mvc.perform(put(FAQ + "/" + id).with(editor())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"position": 1,
					 "ru": {"question": "Как подтвердить email?", "answer": "В разделе «Профиль»."},
					 "kk": {"question": "Email қалай растаймын?", "answer": "«Профиль» бөлімінде."},
					 "en": {"question": "How do I confirm my email?", "answer": "Under «Profile»."}}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.position").value(1))
			.andExpect(jsonPath("$.en.question").value("How do I confirm my email?"));
		mvc.perform(get(FAQ + "/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ru.question").value("Как подтвердить email?"));
		mvc.perform(get(FAQ).header("Accept-Language", "en"))
			.andExpect(jsonPath("$.items[*].question", hasItem("How do I confirm my email?")));
		mvc.perform(get(FAQ).param("q", "почты")).andExpect(jsonPath("$.total").value(0));

		mvc.perform(delete(FAQ + "/" + id).with(editor())).andExpect(status().isNoContent());
		mvc.perform(get(FAQ + "/" + id)).andExpect(status().isNotFound());

		assertThat(jdbc.sql("select action from audit_log where subject = ? and actor = ? order by id")
			.param("faq/" + id)
			.param(EDITOR)
			.query(String.class)
			.list()).containsExactly("faq.created", "faq.updated", "faq.deleted");
	}

	@Test
	void onlyEditorsChangeTheFaq() throws Exception {
		long before = count();
		String body = """
				{"ru": {"question": "q", "answer": "a"}, "kk": {"question": "q", "answer": "a"}}""";

		mvc.perform(post(FAQ).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("unauthorized"));
		mvc.perform(post(FAQ).with(citizen()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("forbidden"));
		mvc.perform(put(FAQ + "/" + PENALTY).with(citizen()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(delete(FAQ + "/" + PENALTY).with(citizen())).andExpect(status().isForbidden());
		mvc.perform(delete(FAQ + "/" + PENALTY)).andExpect(status().isUnauthorized());

		assertThat(count()).isEqualTo(before);
		mvc.perform(get(FAQ + "/" + PENALTY))
			.andExpect(jsonPath("$.ru.question").value(containsString("пеня")));
		assertThat(jdbc.sql("select count(*) from audit_log where subject = ?").param("faq/" + PENALTY)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void unknownEntryIsANotFoundProblem() throws Exception {
		String unknown = FAQ + "/" + UUID.randomUUID();
		mvc.perform(put(unknown).with(editor())
			.header("Accept-Language", "kk")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ru": {"question": "q", "answer": "a"}, "kk": {"question": "q", "answer": "a"}}"""))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("not-found"))
			.andExpect(jsonPath("$.title").value("Табылмады"));
		mvc.perform(delete(unknown).with(editor()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
		mvc.perform(get(unknown)).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not-found"));
	}

	@Test
	void anEntryNeedsRussianAndKazakhWithinTheLimits() throws Exception {
		long before = count();
		mvc.perform(post(FAQ).with(editor())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ru": {"question": "%s", "answer": "a"}, "en": {"question": " ", "answer": "a"}}"""
				.formatted("в".repeat(501))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("kk", "ru.question",
					"en.question")));
		mvc.perform(post(FAQ).with(editor())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"position": 0, "ru": {"question": "q", "answer": "%s"}, "kk": {"question": "q", "answer": "a"}}"""
				.formatted("а".repeat(5001))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("position",
					"ru.answer")));
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return jdbc.sql("select count(*) from faq_entry").query(Long.class).single();
	}

	private static RequestPostProcessor editor() {
		return jwt().jwt(token -> token.subject(EDITOR).claim("roles", List.of("cabinet-editor")))
			.authorities(new SimpleGrantedAuthority("ROLE_cabinet-editor"));
	}

	private static RequestPostProcessor citizen() {
		return jwt().jwt(token -> token.subject("citizen-1").claim("roles", List.of("citizen")))
			.authorities(new SimpleGrantedAuthority("ROLE_citizen"));
	}
}
