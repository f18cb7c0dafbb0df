package kz.khc.scoring.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A programme's YAML file ({@code classpath:programmes/<programme>.yml}), as written. */
record ProgrammeFile(String programme, Map<String, Object> parameters, List<Edition> editions, List<Rule> criteria,
		List<Rule> points) {

	ProgrammeFile {
		parameters = parameters == null ? Map.of() : parameters;
		criteria = criteria == null ? List.of() : criteria;
		points = points == null ? List.of() : points;
	}

	/** In effect for submissions from {@code from} (inclusive) to {@code to} (exclusive; open when null). */
	record Edition(String name, LocalDate from, @Nullable LocalDate to, Map<String, Object> parameters) {

		Edition {
			parameters = parameters == null ? Map.of() : parameters;
		}

		boolean inEffectOn(LocalDate date) {
			return !date.isBefore(from) && (to == null || date.isBefore(to));
		}
	}

	/**
	 * @param rule the name of the rule's kind, one of {@link Rules}
	 * @param onlyCategories applies to these categories only (none: to all)
	 * @param exceptCategories does not apply to these
	 */
	record Rule(String code, String rule, Map<String, Object> parameters, List<Facts.Category> onlyCategories,
			List<Facts.Category> exceptCategories) {

		Rule {
			parameters = parameters == null ? Map.of() : parameters;
			onlyCategories = onlyCategories == null ? List.of() : onlyCategories;
			exceptCategories = exceptCategories == null ? List.of() : exceptCategories;
		}

		boolean appliesTo(Facts.Category category) {
			return (onlyCategories.isEmpty() || onlyCategories.contains(category))
					&& !exceptCategories.contains(category);
		}
	}
}
