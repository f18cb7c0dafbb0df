package kz.khc.cabinet.messaging;

/** A listener cannot process this message, now or ever: it goes to the dead-letter topic without retries. */
public class RejectedMessageException extends RuntimeException {

	public RejectedMessageException(String reason) {
		super(reason);
	}
}
