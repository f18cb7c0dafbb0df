package kz.khc.scoring.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public pre-check on the whole service with the real rule engine, without a token: the contract's names in and
 * out, the message language by {@code Accept-Language}, every malformed input a 400 naming its field, and the limit
 * per client address. Each test speaks from addresses of its own, so the small limit here touches only the test
 * about it. Kafka is not needed: its listeners do not start.
 */
@SpringBootTest(properties = { "scoring.pre-check.requests-per-minute=5", "spring.kafka.listener.auto-startup=false",
		"spring.kafka.admin.auto-create=false" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class PreCheckIT {

	static final String ELORDA = "/api/scoring/v1/programmes/elorda-zhastary/assessments";
	static final String QOLJETIMDI = "/api/scoring/v1/programmes/qoljetimdi-baspana-2020/assessments";
	static final String IIN = "950312401236";

	/** A nurse at a state hospital in Astana since September 2019, married with a child, 2023 edition. */
	static final String HEALTHCARE_WORKER = """
			{
			  "submissionDate": "2023-06-15",
			  "category": "HEALTHCARE",
			  "requestedLoan": 18000000,
			  "applicant": {
			    "iin": "950312401236",
			    "birthDate": "1995-03-12",
			    "citizenship": "KZ",
			    "registration": { "city": "ASTANA", "permanent": true, "since": "2018-01-10" },
			    "employment": { "sphere": "HEALTHCARE", "city": "ASTANA", "stateOrganization": true,
			      "profileStaff": true, "since": "2019-09-01", "onMaternityLeave": false },
			    "education": { "level": "VOCATIONAL", "matchesSphere": true },
			    "disabilityGroup": null,
			    "orphanQueueCity": null
			  },
			  "family": [
			    { "relation": "SPOUSE", "birthDate": "1993-05-05", "registeredIn": "ASTANA",
			      "permanentRegistration": true, "disabilityGroup": null },
			    { "relation": "CHILD", "birthDate": "2020-02-02", "registeredIn": "ASTANA",
			      "permanentRegistration": true, "disabilityGroup": null }
			  ],
			  "householdNetIncome": [450000, 450000, 455000, 450000, 460000, 450000],
			  "deposits": [
			    { "holder": "APPLICANT", "bank": "OTBASY", "balance": 1000000 },
			    { "holder": "SPOUSE", "bank": "OTBASY", "balance": 800000 }
			  ],
			  "property": { "ownedInLast5Years": false, "rentToOwnInLast5Years": false, "onlyEmergencyAdobeOrReed": false }
			}
			""";

	static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void aHealthcareWorkerWhoMeetsEveryCriterionIsEligibleWithPointsForExperience() throws Exception {
		String body = check(ELORDA, HEALTHCARE_WORKER, "ru", newAddress())
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.programme").value("elorda-zhastary"))
			.andExpect(jsonPath("$.edition").value("2023"))
			.andExpect(jsonPath("$.rulesVersion").isNotEmpty())
			.andExpect(jsonPath("$.eligible").value(true))
			.andExpect(jsonPath("$.criteria[*].code").value(hasItems("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8")))
			.andExpect(jsonPath("$.breakdown[*].code").value(hasItem("S1")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode assessment = json.readTree(body);
		for (JsonNode criterion : assessment.get("criteria")) {
			assertThat(criterion.get("passed").asBoolean()).as(criterion.toString()).isTrue();
			assertThat(criterion.get("message").asString()).isNotBlank();
		}
		int sum = 0;
		for (JsonNode points : assessment.get("breakdown")) {
			sum += points.get("points").asInt();
		}
		// 3 full years and 9 months in healthcare: 5 · 3 + 3 (DOMAIN S1)
		assertThat(assessment.get("points").asInt()).isEqualTo(sum).isEqualTo(18);
	}

	@Test
	void theMessagesFollowAcceptLanguage() throws Exception {
		String address = newAddress();
		Map<String, String> e1 = new LinkedHashMap<>();
		for (String language : List.of("ru", "kk", "en")) {
			String body = check(ELORDA, HEALTHCARE_WORKER, language, address).andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (JsonNode criterion : json.readTree(body).get("criteria")) {
				if (criterion.get("code").asString().equals("E1")) {
					e1.put(language, criterion.get("message").asString());
				}
			}
		}
		assertThat(e1).hasSize(3);
		assertThat(e1.values()).doesNotHaveDuplicates();
		assertThat(e1.get("ru")).containsPattern("[А-Яа-я]");
		assertThat(e1.get("kk")).containsPattern("[әіңғүұқөһӘІҢҒҮҰҚӨҺ]");
		assertThat(e1.get("en")).containsPattern("[A-Za-z]").doesNotContainPattern("[А-Яа-я]");
	}

	@Test
	void aForeignCitizenIsNotEligible() throws Exception {
		check(ELORDA, with(HEALTHCARE_WORKER, request -> applicant(request).put("citizenship", "RU")), "ru",
				newAddress())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.eligible").value(false))
			.andExpect(jsonPath("$.criteria[?(@.code == 'E1')].passed").value(false));
	}

	@Test
	void everyMalformedInputIsABadRequestNamingItsField() throws Exception {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("applicant.iin", with(HEALTHCARE_WORKER, request -> applicant(request).put("iin", "950312401237")));
		cases.put("householdNetIncome",
				with(HEALTHCARE_WORKER, request -> ((ArrayNode) request.get("householdNetIncome")).remove(5)));
		cases.put("householdNetIncome[2]",
				with(HEALTHCARE_WORKER, request -> ((ArrayNode) request.get("householdNetIncome")).set(2, -1)));
		cases.put("category", with(HEALTHCARE_WORKER, request -> request.put("category", "NURSING")));
		cases.put("applicant.registration.since", with(HEALTHCARE_WORKER,
				request -> ((ObjectNode) applicant(request).get("registration")).put("since", "2018-02-30")));
		cases.put("applicant.employment.since", with(HEALTHCARE_WORKER,
				request -> ((ObjectNode) applicant(request).get("employment")).put("since", "15.06.2020")));
		cases.put("submissionDate", with(HEALTHCARE_WORKER, request -> request.put("submissionDate", 20230615)));
		cases.put("requestedLoan", with(HEALTHCARE_WORKER, request -> request.put("requestedLoan", -1)));
		cases.put("deposits[1].balance", with(HEALTHCARE_WORKER,
				request -> ((ObjectNode) request.get("deposits").get(1)).put("balance", "1e-400")));
		cases.put("family[0].relation", with(HEALTHCARE_WORKER,
				request -> ((ObjectNode) request.get("family").get(0)).put("relation", "COUSIN")));
		cases.put("family[1].birthDate", with(HEALTHCARE_WORKER,
				request -> ((ObjectNode) request.get("family").get(1)).put("birthDate", "2023-06-16")));
		cases.put("applicant.disabilityGroup",
				with(HEALTHCARE_WORKER, request -> applicant(request).put("disabilityGroup", 4)));
		cases.put("applicant.registration.permanent", with(HEALTHCARE_WORKER,
				request -> ((ObjectNode) applicant(request).get("registration")).remove("permanent")));
		cases.put("property", with(HEALTHCARE_WORKER, request -> request.remove("property")));
		for (var entry : cases.entrySet()) {
			check(ELORDA, entry.getValue(), "en", newAddress())
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field").value(hasItem(entry.getKey())));
		}

		check(ELORDA, with(HEALTHCARE_WORKER, request -> request.put("submissionDate", 20230615)), "en", newAddress())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed-request")); // not a day count since 1970
		check(ELORDA, "{not json", "en", newAddress()).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("malformed-request"));
		check(ELORDA, "[]", "en", newAddress()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed-request"));
	}

	@Test
	void validationMessagesAreLocalized() throws Exception {
		check(ELORDA, with(HEALTHCARE_WORKER, request -> applicant(request).put("iin", "950312401237")), "kk",
				newAddress())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.title").value("Деректерде қате бар"))
			.andExpect(jsonPath("$.errors[0].field").value("applicant.iin"))
			.andExpect(jsonPath("$.errors[0].message").value("ЖСН қате"));
	}

	@Test
	void anUnknownProgrammeIsNotFound() throws Exception {
		check("/api/scoring/v1/programmes/elorda-zhastary-2099/assessments", HEALTHCARE_WORKER, "en", newAddress())
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("programme-not-found"))
			.andExpect(jsonPath("$.detail").value(containsString("elorda-zhastary, qoljetimdi-baspana-2020")));
	}

	@Test
	void qoljetimdiBaspanaNeedsTheSavings() throws Exception {
		check(QOLJETIMDI, HEALTHCARE_WORKER, "en", newAddress()).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("savings")));

		String withSavings = with(HEALTHCARE_WORKER, request -> request.putObject("savings")
			.put("months", 30)
			.put("sharePercent", 40)
			.put("evaluationIndicator", 2));
		check(QOLJETIMDI, withSavings, "en", newAddress()).andExpect(status().isOk())
			.andExpect(jsonPath("$.programme").value("qoljetimdi-baspana-2020"))
			.andExpect(jsonPath("$.breakdown").isNotEmpty());
	}

	@Test
	void aDateWithoutAnEditionIsABadRequestAboutTheSubmissionDate() throws Exception {
		check(ELORDA, with(HEALTHCARE_WORKER, request -> request.put("submissionDate", "2099-06-15")), "en",
				newAddress())
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("no-edition"))
			.andExpect(jsonPath("$.errors[0].field").value("submissionDate"));
	}

	@Test
	void oneAddressGetsAFewRequestsAMinuteThenTooManyRequests() throws Exception {
		String address = newAddress();
		for (int i = 0; i < 4; i++) {
			check(ELORDA, HEALTHCARE_WORKER, "ru", address).andExpect(status().isOk());
		}
		check(ELORDA, "{not json", "ru", address).andExpect(status().isBadRequest()); // malformed ones count too
		String retryAfter = check(ELORDA, HEALTHCARE_WORKER, "en", address)
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("too-many-requests"))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.RETRY_AFTER);
		assertThat(retryAfter).isNotNull();
		assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);

		check(ELORDA, HEALTHCARE_WORKER, "ru", newAddress()).andExpect(status().isOk()); // another address
	}

	@Test
	void noTokenIsNeededForThePreCheckOnly() throws Exception {
		check(ELORDA, HEALTHCARE_WORKER, "ru", newAddress()).andExpect(status().isOk());
		mvc.perform(get(ELORDA)).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/scoring/v1/programmes/elorda-zhastary/other")
			.contentType(MediaType.APPLICATION_JSON)
			.content(HEALTHCARE_WORKER)).andExpect(status().isUnauthorized());
	}

	@Test
	void theIinIsNotLoggedNorEchoedInProblems(CapturedOutput output) throws Exception {
		check(ELORDA, HEALTHCARE_WORKER, "ru", newAddress()).andExpect(status().isOk());
		String invalid = check(ELORDA, with(HEALTHCARE_WORKER, request -> request.put("requestedLoan", "many")), "ru",
				newAddress())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String noEdition = check(ELORDA, with(HEALTHCARE_WORKER, request -> request.put("submissionDate", "2099-06-15")),
				"ru", newAddress())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(output.getAll()).doesNotContain(IIN);
		assertThat(invalid).doesNotContain(IIN);
		assertThat(noEdition).doesNotContain(IIN);
	}

	private ResultActions check(String path, String body, String language, String address) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.content(body)
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			}));
	}

	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.51." + (n / 250) + "." + (n % 250 + 1);
	}

	private String with(String base, Consumer<ObjectNode> change) {
		ObjectNode request = (ObjectNode) json.readTree(base);
		change.accept(request);
		return json.writeValueAsString(request);
	}

	private static ObjectNode applicant(ObjectNode request) {
		return (ObjectNode) request.get("applicant");
	}
}
