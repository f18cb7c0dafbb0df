package kz.khc.elorda.verification;

/** What staff decided about a submitted application; also the application's status from then on. */
public enum Outcome {

	/** Complete and eligible: it takes part in its category's ranked list. */
	VERIFIED,

	/** Refused, with a reason code and the officer's comment. */
	REJECTED;

	/** The message key of its name for people ({@code kz.khc.elorda.verification.outcome.REJECTED}). */
	String messageKey() {
		return "kz.khc.elorda.verification.outcome." + name();
	}
}
