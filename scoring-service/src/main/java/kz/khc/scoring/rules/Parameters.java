package kz.khc.scoring.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A rule's parameters: the programme's, overridden by the edition's, overridden by the rule's own. */
final class Parameters {

	private final Map<String, Object> values;

	Parameters(List<Map<String, Object>> layers) {
		this.values = new HashMap<>();
		layers.forEach(values::putAll);
	}

	BigDecimal decimal(String name) {
		return new BigDecimal(String.valueOf(required(name)));
	}

	int integer(String name) {
		return decimal(name).intValueExact();
	}

	String string(String name) {
		return String.valueOf(required(name));
	}

	List<?> list(String name) {
		return values.get(name) instanceof List<?> list ? list : List.of();
	}

	private Object required(String name) {
		Object value = values.get(name);
		if (value == null) {
			throw new IllegalStateException("the rule needs parameter " + name);
		}
		return value;
	}
}
