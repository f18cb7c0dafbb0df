package kz.khc.notification.messages;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static kz.khc.notification.messages.Audience.ACCOUNT;
import static kz.khc.notification.messages.Audience.PROGRAMME;
import static kz.khc.notification.messages.Channel.EMAIL;
import static kz.khc.notification.messages.Channel.SMS;

/** What a person is told, on which channels; each kind has its texts in {@code templates*.properties}. */
public enum MessageKind {

	APPLICATION_RECEIVED(PROGRAMME, SMS, EMAIL),
	APPLICATION_VERIFIED(PROGRAMME, SMS, EMAIL),
	APPLICATION_REJECTED(PROGRAMME, SMS, EMAIL),
	DIRECTION_ISSUED(PROGRAMME, SMS, EMAIL),
	BANK_VISIT_REMINDER(PROGRAMME, SMS, EMAIL),
	DIRECTION_EXPIRED(PROGRAMME, SMS, EMAIL),
	DIRECTION_ANNULLED(PROGRAMME, SMS, EMAIL),
	QUALIFICATION_PASSED(PROGRAMME, SMS, EMAIL),
	QUALIFICATION_FAILED(PROGRAMME, SMS, EMAIL),
	HOUSING_REMINDER(PROGRAMME, SMS, EMAIL),
	LOAN_ISSUED(PROGRAMME, SMS, EMAIL),
	/** Holds a single-use link: the inbox shows a text without it, and the email's text is dropped once sent. */
	EMAIL_VERIFICATION(ACCOUNT, EMAIL),
	PASSWORD_CHANGED(ACCOUNT, SMS, EMAIL),
	ACCOUNT_LOCKED(ACCOUNT, SMS, EMAIL),
	/** Sent at once for the identity service and never stored: no inbox copy, no text in the log. */
	ONE_TIME_CODE(ACCOUNT, SMS);

	private final Audience audience;
	private final Set<Channel> channels;

	MessageKind(Audience audience, Channel first, Channel... rest) {
		this.audience = audience;
		this.channels = EnumSet.of(first, rest);
	}

	public Audience audience() {
		return audience;
	}

	public Set<Channel> channels() {
		return channels;
	}

	public boolean secret() {
		return this == EMAIL_VERIFICATION || this == ONE_TIME_CODE;
	}

	/** The templates' key prefix: {@code DIRECTION_ISSUED → direction-issued}. */
	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
