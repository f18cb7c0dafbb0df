package kz.khc.workingdays;

import java.util.Locale;

/**
 * The name of a day off in English, Russian and Kazakh, for explanations shown to users and staff.
 */
public record LocalizedName(String en, String ru, String kk) {

	static final LocalizedName SATURDAY = new LocalizedName("Saturday", "Суббота", "Сенбі");
	static final LocalizedName SUNDAY = new LocalizedName("Sunday", "Воскресенье", "Жексенбі");

	public LocalizedName {
		if (en.isBlank() || ru.isBlank() || kk.isBlank()) {
			throw new IllegalArgumentException("a name is needed in en, ru and kk");
		}
	}

	/** The name in the locale's language: Kazakh for {@code kk}, Russian for {@code ru}, English otherwise. */
	public String in(Locale locale) {
		return switch (locale.getLanguage()) {
			case "kk" -> kk;
			case "ru" -> ru;
			default -> en;
		};
	}

	@Override
	public String toString() {
		return en;
	}
}
