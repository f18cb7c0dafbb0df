package kz.khc.identity.codes;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A one-time code sent to a phone for one purpose, and what became of it. The code itself is never kept: only its
 * keyed hash ({@link CodeHasher}).
 *
 * @param sentAt when the current code was sent; a resend replaces the code and starts its time and tries anew
 * @param failedTries wrong entries of the current code
 * @param verifiedAt when the right code was entered; a verified challenge takes no more entries
 */
public record Challenge(UUID id, Purpose purpose, String mobile, String iin, byte[] codeHash, Instant sentAt,
		int failedTries, @Nullable Instant verifiedAt) {

	public enum Purpose {
		REGISTRATION, PASSWORD_RESET
	}

	/** What an entered code did. */
	public enum Outcome {
		VERIFIED,
		/** Wrong; more tries are left. */
		WRONG,
		/** Wrong, and it was the last try: the code no longer works. */
		WRONG_LAST_TRY,
		/** Too late, too many tries, or already used: ask for a new code. */
		NO_LONGER_VALID
	}

	Instant expiresAt(CodeRules rules) {
		return sentAt.plus(rules.validFor());
	}

	/** Whether a code entered now would still be checked at all. */
	boolean open(CodeRules rules, Instant now) {
		return verifiedAt == null && failedTries < rules.maxTries() && now.isBefore(expiresAt(rules));
	}

	/** Checks an entered code; the caller stores the challenge this returns along with the outcome. */
	Checked check(String typed, CodeHasher hasher, CodeRules rules, Instant now) {
		if (!open(rules, now)) {
			return new Checked(this, Outcome.NO_LONGER_VALID);
		}
		if (hasher.matches(id, typed, codeHash)) {
			return new Checked(new Challenge(id, purpose, mobile, iin, codeHash, sentAt, failedTries, now),
					Outcome.VERIFIED);
		}
		Challenge failed = new Challenge(id, purpose, mobile, iin, codeHash, sentAt, failedTries + 1, verifiedAt);
		return new Checked(failed, failed.failedTries >= rules.maxTries() ? Outcome.WRONG_LAST_TRY : Outcome.WRONG);
	}

	/** When a new code may be sent for this challenge. */
	Instant resendableAt(CodeRules rules) {
		return sentAt.plus(rules.resendAfter());
	}

	/** The challenge with a new code sent now: new time, tries anew. */
	Challenge resent(byte[] newHash, Instant now) {
		return new Challenge(id, purpose, mobile, iin, newHash, now, 0, null);
	}

	record Checked(Challenge challenge, Outcome outcome) {
	}
}
