package kz.khc.cabinet.faq;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A question with its answer in each language it is written in (ru and kk always), shown at {@code position}
 * (1 first).
 */
record FaqEntry(UUID id, int position, Map<Language, Translation> translations, Instant updatedAt,
		String updatedBy) {

	FaqEntry {
		if (!translations.containsKey(Language.RU) || !translations.containsKey(Language.KK)) {
			throw new IllegalArgumentException("an FAQ entry needs ru and kk texts");
		}
		translations = Map.copyOf(translations);
	}

	record Translation(String question, String answer) {
	}

	/** An entry as a reader sees it: in the reader's language, or in Russian where that is missing. */
	record Shown(UUID id, String question, String answer) {
	}
}
