package kz.khc.notification.contacts;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a person.
 *
 * @param personId the user id at the identity provider (the token subject)
 * @param language the language the person chose, else the one last seen in their events
 */
public record Contact(String personId, @Nullable String iin, @Nullable String mobile, @Nullable String email,
		@Nullable String language) {

	public static final Set<String> LANGUAGES = Set.of("ru", "kk", "en");

	public static final Locale DEFAULT_LOCALE = Locale.of("ru");

	public static Contact unknown(String personId) {
		return new Contact(personId, null, null, null, null);
	}

	/** The person's language, else the hint (the language of the event's page), else Russian. */
	public Locale locale(@Nullable String hint) {
		return localeOf(language != null ? language : hint);
	}

	/** The language if we write in it, else Russian. */
	public static Locale localeOf(@Nullable String language) {
		return language != null && LANGUAGES.contains(language) ? Locale.of(language) : DEFAULT_LOCALE;
	}
}
