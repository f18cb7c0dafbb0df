package kz.khc.identity.login;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN I3: when repeated failed logins lock an IIN, for how long, and when they are forgotten. */
class LockoutTest {

	final Lockout lockout = new Lockout(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(12));

	final Instant start = Instant.parse("2026-11-25T04:00:00Z");

	@Test
	void theFifthFailureInARowLocksForAMinuteAndNotASecondMore() {
		Lockout.Failures failures = failures(4, start);
		assertThat(failures.lockedUntil()).as("four failures lock nothing").isNull();
		assertThat(lockout.attemptsLeft(failures)).isEqualTo(1);

		Lockout.Failures fifth = lockout.afterFailure(failures, start.plusSeconds(40));
		assertThat(fifth.count()).isEqualTo(5);
		assertThat(fifth.lockedUntil()).isEqualTo(start.plusSeconds(100));
		assertThat(fifth.lockedAt(start.plusSeconds(99))).isTrue();
		assertThat(fifth.lockedAt(start.plusSeconds(100))).as("free again at the instant the lock ends").isFalse();
		assertThat(lockout.attemptsLeft(fifth)).as("after a lock, five more tries").isEqualTo(5);
	}

	@Test
	void eachLockLastsTwiceTheOneBeforeUpToFifteenMinutes() {
		assertThat(lockout.lockFor(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(lockout.lockFor(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(lockout.lockFor(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(lockout.lockFor(5)).as("16 minutes would be longer than the longest").isEqualTo(Duration.ofMinutes(15));
		assertThat(lockout.lockFor(40)).isEqualTo(Duration.ofMinutes(15));

		Lockout.Failures tenth = failures(10, start);
		assertThat(Duration.between(tenth.lastAt(), tenth.lockedUntil())).isEqualTo(Duration.ofMinutes(2));
		assertThat(failures(11, start).lockedUntil()).as("the failure after a lock ends locks nothing yet").isNull();
	}

	@Test
	void failuresAreForgottenTwelveHoursAfterTheLastOne() {
		Lockout.Failures four = failures(4, start);
		Instant last = four.lastAt();

		assertThat(lockout.afterFailure(four, last.plus(Duration.ofHours(12)).minusSeconds(1)).count())
			.as("a second before twelve hours: still counted").isEqualTo(5);
		assertThat(lockout.afterFailure(four, last.plus(Duration.ofHours(12))).count())
			.as("at twelve hours: a fresh start").isEqualTo(1);
	}

	private Lockout.Failures failures(int count, Instant from) {
		Lockout.Failures failures = null;
		for (int i = 0; i < count; i++) {
			failures = lockout.afterFailure(failures, from.plusSeconds(i));
		}
		return failures;
	}
}
