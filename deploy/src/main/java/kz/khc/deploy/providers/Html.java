package kz.khc.deploy.providers;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Markup that is safe to send. It is only ever built from a constant template whose {@code {}} holes are filled
 * with values that are escaped, unless they are {@code Html} already; so nothing a letter or an SMS contains can
 * become markup.
 */
record Html(String markup) {

	static Html of(String template, Object... values) {
		var html = new StringBuilder(template.length() + 64 * values.length);
		int from = 0;
		for (Object value : values) {
			int hole = template.indexOf("{}", from);
			if (hole < 0) {
				throw new IllegalArgumentException("more values than holes in " + template);
			}
			html.append(template, from, hole).append(value instanceof Html safe ? safe.markup : escape(String.valueOf(value)));
			from = hole + 2;
		}
		if (template.indexOf("{}", from) >= 0) {
			throw new IllegalArgumentException("fewer values than holes in " + template);
		}
		return new Html(html.append(template, from, template.length()).toString());
	}

	static Html join(Stream<Html> parts) {
		return new Html(parts.map(Html::markup).collect(Collectors.joining()));
	}

	static String escape(String text) {
		var escaped = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.appendCodePoint(c);
			}
		});
		return escaped.toString();
	}

	@Override
	public String toString() {
		return markup;
	}
}
