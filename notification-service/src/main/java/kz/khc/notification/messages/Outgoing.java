package kz.khc.notification.messages;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A notification to create: whom, what, from which event, with the template's values.
 *
 * @param sourceKey the event (and purpose) it comes from; a second notification with the same key is ignored
 * @param correlation groups notifications a later event may cancel while pending, e.g. {@code direction/<id>}
 * @param due when it is to be sent and shown; {@code null} for now
 * @param languageHint the language the event reports the person used, if the person chose none
 * @param emailTo the address to write to instead of the person's known one (an address being verified)
 * @param attachment renders the attachment in the notification's language
 */
public record Outgoing(String personId, MessageKind kind, String sourceKey, List<@Nullable Object> args,
		@Nullable String correlation, @Nullable Instant due, @Nullable String languageHint, @Nullable String emailTo,
		@Nullable Function<Locale, Attachment> attachment) {

	public static Outgoing of(String personId, MessageKind kind, String sourceKey, @Nullable Object... args) {
		return new Outgoing(personId, kind, sourceKey, java.util.Arrays.asList(args), null, null, null, null, null);
	}

	public Outgoing correlatedWith(String key) {
		return new Outgoing(personId, kind, sourceKey, args, key, due, languageHint, emailTo, attachment);
	}

	public Outgoing due(Instant at) {
		return new Outgoing(personId, kind, sourceKey, args, correlation, at, languageHint, emailTo, attachment);
	}

	public Outgoing languageHint(@Nullable String language) {
		return new Outgoing(personId, kind, sourceKey, args, correlation, due, language, emailTo, attachment);
	}

	public Outgoing emailTo(String address) {
		return new Outgoing(personId, kind, sourceKey, args, correlation, due, languageHint, address, attachment);
	}

	public Outgoing attach(Function<Locale, Attachment> render) {
		return new Outgoing(personId, kind, sourceKey, args, correlation, due, languageHint, emailTo, render);
	}

	public record Attachment(String fileName, String contentType, byte[] content) {
	}
}
