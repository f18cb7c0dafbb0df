package kz.khc.notification.messages;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.notification.contacts.Contact;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The texts of each {@link MessageKind} in Russian, Kazakh and English ({@code templates*.properties}). Values
 * are formatted the way people here write them: dates {@code dd.MM.yyyy}, times in Asia/Almaty, categories by
 * their name in the language.
 */
@Component
public class Templates {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
	private static final String BUNDLE = "kz.khc.notification.messages.templates";

	/**
	 * @param inbox what the inbox keeps: the body, or for a secret message a text without the secret
	 */
	public record Rendered(Locale locale, String subject, String body, @Nullable String sms, String inbox) {
	}

	public Rendered render(MessageKind kind, Locale locale, Object... args) {
		ResourceBundle texts = bundle(locale);
		Object[] values = Arrays.stream(args).map(arg -> format(arg, texts)).toArray();
		String subject = text(texts, kind.key() + ".subject", values);
		String body = text(texts, kind.key() + ".body", values);
		String inbox = optional(texts, kind.key() + ".inbox", values);
		Locale language = texts.getLocale().getLanguage().isEmpty() ? Contact.DEFAULT_LOCALE : texts.getLocale();
		return new Rendered(language, subject, body, optional(texts, kind.key() + ".sms", values),
				inbox == null ? body : inbox);
	}

	/** Only the SMS text: for one-time codes, which have nothing else. */
	public String sms(MessageKind kind, Locale locale, Object... args) {
		ResourceBundle texts = bundle(locale);
		return text(texts, kind.key() + ".sms", Arrays.stream(args).map(arg -> format(arg, texts)).toArray());
	}

	public String category(ProgrammeCategory category, Locale locale) {
		return bundle(locale).getString("category." + category.name());
	}

	String signature(Locale locale) {
		return bundle(locale).getString("signature");
	}

	private static ResourceBundle bundle(Locale locale) {
		// the base file is Russian: no fallback to the JVM's default locale
		return ResourceBundle.getBundle(BUNDLE, Contact.localeOf(locale.getLanguage()),
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	private static String text(ResourceBundle texts, String key, Object[] values) {
		return new MessageFormat(texts.getString(key), texts.getLocale()).format(values);
	}

	private static @Nullable String optional(ResourceBundle texts, String key, Object[] values) {
		try {
			return text(texts, key, values);
		}
		catch (MissingResourceException ex) {
			return null;
		}
	}

	private static Object format(@Nullable Object value, ResourceBundle texts) {
		return switch (value) {
			case null -> "";
			case LocalDate date -> DATE.format(date);
			case Instant instant -> DATE_TIME.format(instant.atZone(ALMATY));
			case ProgrammeCategory category -> texts.getString("category." + category.name());
			case Number number -> number.toString();
			default -> value.toString();
		};
	}
}
