package kz.khc.notification.messages;

/**
 * A provider did not take a message. A permanent failure (the provider refused this very message: an invalid
 * number, a text it will not send) is not retried and does not count against the provider's health; any other is
 * retried later.
 */
public class DeliveryFailure extends RuntimeException {

	private final boolean permanent;

	DeliveryFailure(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	DeliveryFailure(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	public boolean permanent() {
		return permanent;
	}
}
