package kz.khc.identity.codes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, resends and checks one-time codes under {@link CodeRules}. How a code reaches the phone is the caller's:
 * it passes the sending as a function, so the same rules serve registration and the forgotten password. A challenge
 * is made whether or not a code is sent — when the person's details did not match, nobody gets a code, and the
 * answer looks the same as when they did.
 */
@Service
public class OneTimeCodes {

	private final Challenges challenges;
	private final CodeRules rules;
	private final CodeHasher hasher;
	private final Clock clock;

	OneTimeCodes(Challenges challenges, CodeRules rules, Clock clock) {
		this.challenges = challenges;
		this.rules = rules;
		this.hasher = new CodeHasher(rules.secret());
		this.clock = clock;
	}

	/** A challenge the caller may show: when its code stops working and when a new one may be asked for. */
	public record Started(UUID challengeId, Instant expiresAt, Instant resendableAt) {
	}

	/** Too many codes asked for in the last hour (per phone, IIN or client address), or a resend too early. */
	public static final class TooSoon extends RuntimeException {

		private final Duration retryAfter;

		TooSoon(Duration retryAfter) {
			super(null, null, false, false);
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return retryAfter;
		}
	}

	/**
	 * Starts a challenge for the phone; {@code send} (null when the person's details did not match) gets the code.
	 * If sending throws, nothing is stored and the caller can let the person try again.
	 */
	@Transactional
	public Started start(Challenge.Purpose purpose, String mobile, String iin, String clientAddress,
			@Nullable Consumer<String> send) {
		Instant now = Instant.now(clock);
		withinLimits(mobile, iin, clientAddress, now);
		UUID id = UUID.randomUUID();
		String code = CodeHasher.newCode();
		var challenge = new Challenge(id, purpose, mobile, iin, hasher.hash(id, code), now, 0, null);
		challenges.add(challenge, now);
		challenges.requested(mobile, iin, clientAddress, now);
		if (send != null) {
			send.accept(code);
		}
		return started(challenge);
	}

	/** A new code for the challenge, not sooner than {@code resend-after} after the last one and within the limits. */
	@Transactional
	public Started resend(UUID challengeId, String clientAddress, @Nullable Consumer<String> send) {
		Instant now = Instant.now(clock);
		Challenge challenge = challenges.lock(challengeId).orElseThrow(() -> new TooSoon(rules.resendAfter()));
		if (now.isBefore(challenge.resendableAt(rules))) {
			throw new TooSoon(Duration.between(now, challenge.resendableAt(rules)));
		}
		withinLimits(challenge.mobile(), challenge.iin(), clientAddress, now);
		String code = CodeHasher.newCode();
		Challenge resent = challenge.resent(hasher.hash(challengeId, code), now);
		challenges.update(resent);
		challenges.requested(challenge.mobile(), challenge.iin(), clientAddress, now);
		if (send != null && challenge.verifiedAt() == null) {
			send.accept(code);
		}
		return started(resent);
	}

	/** Checks an entered code; an unknown challenge answers like one whose code no longer works. */
	@Transactional
	public Result check(UUID challengeId, String typed) {
		Instant now = Instant.now(clock);
		return challenges.lock(challengeId).map(challenge -> {
			Challenge.Checked checked = challenge.check(typed, hasher, rules, now);
			challenges.update(checked.challenge());
			return new Result(checked.outcome(), Math.max(0, rules.maxTries() - checked.challenge().failedTries()),
					checked.challenge());
		}).orElseGet(() -> {
			hasher.hash(challengeId, typed); // the same work as for a known challenge
			return Result.UNKNOWN;
		});
	}

	/**
	 * @param triesLeft wrong entries the code still survives
	 * @param challenge the challenge after the check; null if there is none
	 */
	public record Result(Challenge.Outcome outcome, int triesLeft, @Nullable Challenge challenge) {

		/** The answer for a challenge that does not exist, or is not the caller's flow's. */
		public static final Result UNKNOWN = new Result(Challenge.Outcome.NO_LONGER_VALID, 0, null);
	}

	private void withinLimits(String mobile, String iin, String address, Instant now) {
		long[] counts = challenges.requestsInTheLastHour(mobile, iin, address, now);
		if (counts[0] >= rules.perPhonePerHour() || counts[1] >= rules.perIinPerHour()
				|| counts[2] >= rules.perAddressPerHour()) {
			throw new TooSoon(Duration.ofHours(1));
		}
	}

	private Started started(Challenge challenge) {
		return new Started(challenge.id(), challenge.expiresAt(rules), challenge.resendableAt(rules));
	}
}
