package kz.khc.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The firewall's character checks say what Spring Security's regular expressions say, for every character. */
class FirewallTest {

	/** Spring Security's own, from {@code StrictServerWebExchangeFirewall}. */
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
	private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void agreesOnEveryCodePoint() {
		IntStream.rangeClosed(0, Character.MAX_CODE_POINT).forEach(codePoint -> {
			String text = "a" + Character.toString(codePoint) + "z";
			assertThat(Firewall.isName(text)).as("U+%04X in a name", codePoint).isEqualTo(NAME.matcher(text).matches());
			assertThat(Firewall.isHeaderValue(text)).as("U+%04X in a header value", codePoint)
				.isEqualTo(HEADER_VALUE.matcher(text).matches());
		});
	}

	@Test
	void agreesOnRandomTextIncludingLoneSurrogates() {
		var random = new SplittableRandom(9);
		for (int i = 0; i < 20_000; i++) {
			var chars = new StringBuilder();
			for (int n = random.nextInt(12); n > 0; n--) {
				chars.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
			}
			String text = chars.toString();
			assertThat(Firewall.isName(text)).as(text).isEqualTo(NAME.matcher(text).matches());
			assertThat(Firewall.isHeaderValue(text)).as(text).isEqualTo(HEADER_VALUE.matcher(text).matches());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "ru-RU,ru;q=0.9,kk;q=0.8", "Қала Астана", "a\tb",
			"" })
	void passesWhatClientsSend(String value) {
		assertThat(Firewall.isHeaderValue(value)).isTrue();
	}

	@Test
	void passesAnAbsentHeaderAsSpringSecurityDoes() {
		// the firewall checks what getFirst answers, null for a header the request lacks
		assertThat(Firewall.isHeaderValue(null)).isTrue();
		assertThat(Firewall.isName(null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "a\nb", "a\rb", "\u007f", "\u0085", "\udfff\ud800x\u0378" })
	void refusesControlAndUnassignedCharacters(String value) {
		assertThat(Firewall.isHeaderValue(value) && Firewall.isName(value)).isFalse();
	}
}
