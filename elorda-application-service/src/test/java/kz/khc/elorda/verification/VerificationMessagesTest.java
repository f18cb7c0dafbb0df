package kz.khc.elorda.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reason code, outcome and problem of verification is named in Russian, Kazakh and English. */
class VerificationMessagesTest {

	@ParameterizedTest
	@ValueSource(strings = { "problems.properties", "problems_kk.properties", "problems_en.properties" })
	void everyNameIsThereInEachLanguage(String bundle) throws IOException {
		Properties messages = new Properties();
		try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/kz/khc/elorda/" + bundle),
				StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		List<String> keys = new ArrayList<>(List.of("problem.already-decided.title", "problem.already-decided.detail"));
		for (RejectionReason reason : RejectionReason.values()) {
			keys.add("kz.khc.elorda.verification.reason." + reason.name());
		}
		for (Outcome outcome : Outcome.values()) {
			keys.add(outcome.messageKey());
		}
		assertThat(keys).allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
		assertThat(messages.getProperty("problem.already-decided.detail")).contains("{0}", "{1}", "{2}", "{3}");
	}
}
