package kz.khc.gateway.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's texts and modules as files: every language has every text, every text a module asks for exists, and
 * no module has what the page's Content-Security-Policy would block.
 */
class PortalTextsTest {

	private static final Path STATIC = Path.of("src/main/resources/static");
	/** {@code t('a.key'} and {@code text: 'a.key'} (the menu): the keys the modules name literally. */
	private static final Pattern KEY = Pattern.compile("(?:\\bt\\(|text: )'([a-zA-Z0-9_.-]+)'");

	private static Map<String, String> texts(String language) throws IOException {
		return JsonMapper.builder().build().readValue(STATIC.resolve("i18n/" + language + ".json").toFile(),
				new TypeReference<Map<String, String>>() {
				});
	}

	private static List<Path> modules() throws IOException {
		try (Stream<Path> files = Files.walk(STATIC.resolve("app"))) {
			return files.filter(file -> file.toString().endsWith(".js")).sorted().toList();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "kk", "en" })
	void everyLanguageHasTheSameTextsAsRussian(String language) throws IOException {
		Set<String> russian = new TreeSet<>(texts("ru").keySet());

		assertThat(new TreeSet<>(texts(language).keySet())).isEqualTo(russian);
		assertThat(texts(language).values()).allSatisfy(text -> assertThat(text).isNotBlank());
	}

	@Test
	void everyTextAModuleNamesExists() throws IOException {
		Set<String> russian = texts("ru").keySet();
		Set<String> named = new TreeSet<>();
		for (Path module : modules()) {
			Matcher key = KEY.matcher(Files.readString(module));
			while (key.find()) {
				named.add(key.group(1));
			}
		}

		assertThat(named).isNotEmpty();
		assertThat(russian).containsAll(named);
	}

	@Test
	void noModuleHasInlineStylesOrEvalWhichThePolicyBlocks() throws IOException {
		for (Path module : modules()) {
			String code = Files.readString(module);

			assertThat(code).as(module.toString()).doesNotContain(" style=\"", "eval(", "new Function(", "innerHTML");
		}
	}
}
