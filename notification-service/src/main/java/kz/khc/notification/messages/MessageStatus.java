package kz.khc.notification.messages;

public enum MessageStatus {
	/** Waiting to be sent: new, due later, or after a failure until the next attempt. */
	PENDING,
	/** Being sent synchronously (one-time codes). */
	SENDING,
	/** The provider took it. */
	SENT,
	/** The provider's receipt says it reached the phone. */
	DELIVERED,
	/** The provider's receipt says it did not reach the phone. */
	UNDELIVERED,
	/** Refused by the provider, or given up after retrying for too long. */
	FAILED,
	/** No longer wanted: a reminder whose deadline was met. */
	CANCELLED
}
