package kz.khc.cabinet.faq;

import java.util.Locale;

/** The languages the FAQ is written in; Russian is the default and the fallback. */
enum Language {

	RU, KK, EN;

	/** The reader's language from {@code Accept-Language}: kk and en as asked, anything else ru. */
	static Language of(Locale locale) {
		return switch (locale.getLanguage()) {
			case "kk" -> KK;
			case "en" -> EN;
			default -> RU;
		};
	}

	/** The ISO 639-1 code stored in {@code faq_translation.language}. */
	String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
