package kz.khc.identity.login;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DOMAIN I3: every {@code failuresBeforeLock}-th failed login in a row locks the IIN, for {@code firstLock} the first
 * time and twice as long each time after, up to {@code longestLock}. Failures older than {@code failuresForgottenAfter}
 * (counted from the last one) no longer count. The rule is the same for an IIN that has no account, so a lock tells
 * nobody whether an account exists.
 */
@ConfigurationProperties("identity.login")
record Lockout(int failuresBeforeLock, Duration firstLock, Duration longestLock, Duration failuresForgottenAfter) {

	/** The failures of one IIN so far. */
	record Failures(int count, Instant lastAt, @Nullable Instant lockedUntil) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && now.isBefore(lockedUntil);
		}
	}

	/** The failures after one more at {@code now}. */
	Failures afterFailure(@Nullable Failures before, Instant now) {
		boolean forgotten = before == null || !now.isBefore(before.lastAt().plus(failuresForgottenAfter));
		int count = (forgotten ? 0 : before.count()) + 1;
		Instant lockedUntil = count % failuresBeforeLock == 0 ? now.plus(lockFor(count / failuresBeforeLock)) : null;
		return new Failures(count, now, lockedUntil);
	}

	/** Wrong passwords left before the next lock. */
	int attemptsLeft(Failures failures) {
		return failuresBeforeLock - failures.count() % failuresBeforeLock;
	}

	/** The {@code nth} lock (1, 2, …) lasts {@code firstLock · 2^(nth−1)}, at most {@code longestLock}. */
	Duration lockFor(int nth) {
		Duration lock = firstLock;
		for (int i = 1; i < nth && lock.compareTo(longestLock) < 0; i++) {
			lock = lock.multipliedBy(2);
		}
		return lock.compareTo(longestLock) < 0 ? lock : longestLock;
	}
}
