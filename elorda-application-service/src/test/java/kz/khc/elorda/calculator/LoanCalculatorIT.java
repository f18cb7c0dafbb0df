package kz.khc.elorda.calculator;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The public calculator on the whole service with its configured terms, without a token: the answer's shape and
 * caching, and every bad amount a localized 400 naming {@code amount}. Kafka is not needed: no topic is created.
 */
@SpringBootTest(properties = "spring.kafka.admin.auto-create=false")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class LoanCalculatorIT {

	static final String PATH = "/api/elorda/v1/loan-calculator";

	@Autowired
	MockMvc mvc;

	@Test
	void anyoneGetsBothPeriodsWithoutAToken() throws Exception {
		mvc.perform(get(PATH).param("amount", "18000000"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json("""
					{"amount": 18000000, "periods": [
					  {"months": 96, "ratePercent": 5.0, "monthlyPayment": 139800},
					  {"months": 60, "ratePercent": 3.8, "monthlyPayment": 143329}]}
					""", JsonCompareMode.STRICT))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=300, public"));
		mvc.perform(get(PATH).param("amount", "1000000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.periods[0].monthlyPayment").value(7767))
			.andExpect(jsonPath("$.periods[1].monthlyPayment").value(7963));
	}

	@Test
	void anAmountOutsideTheLimitsIsALocalizedProblemNamingIt() throws Exception {
		badAmount(mvc.perform(get(PATH).param("amount", "18000001").header("Accept-Language", "kk")))
			.andExpect(jsonPath("$.title").value("Деректерде қате бар"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("қарыз сомасы 1000000 теңгеден 18000000 теңгеге дейін болуы керек"));
		badAmount(mvc.perform(get(PATH).param("amount", "999999").header("Accept-Language", "en")))
			.andExpect(jsonPath("$.title").value("Validation failed"))
			.andExpect(jsonPath("$.errors[0].message").value("the loan amount must be between 1000000 and 18000000 tenge"));
		badAmount(mvc.perform(get(PATH).param("amount", "-5")))
			.andExpect(jsonPath("$.title").value("Ошибка в данных"))
			.andExpect(jsonPath("$.errors[0].message").value("сумма займа должна быть от 1000000 до 18000000 тенге"));
	}

	@Test
	void aMissingOrNonNumericAmountIsAProblemNamingItToo() throws Exception {
		badAmount(mvc.perform(get(PATH).header("Accept-Language", "kk")))
			.andExpect(jsonPath("$.errors[0].message").value("міндетті өріс"));
		badAmount(mvc.perform(get(PATH).param("amount", "eighteen million").header("Accept-Language", "en")))
			.andExpect(jsonPath("$.errors[0].message").value("invalid value"));
		for (String notWholeTenge : new String[] { "", "18000000.50", "1e7", "99999999999999999999" }) {
			badAmount(mvc.perform(get(PATH).param("amount", notWholeTenge)));
		}
	}

	@Test
	void onlyReadingIsPublic() throws Exception {
		mvc.perform(post(PATH)
			.param("amount", "18000000")).andExpect(status().isUnauthorized());
	}

	private static ResultActions badAmount(ResultActions response) throws Exception {
		return response.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}
}
