package kz.khc.identity.codes;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** DOMAIN I1/I3: the one-time code's rules at their edges. */
class ChallengeTest {

	static final CodeRules RULES = new CodeRules("a-secret-of-at-least-thirty-two-characters", Duration.ofMinutes(5), 5,
			Duration.ofSeconds(60), 5, 5, 20);

	static final CodeHasher HASHER = new CodeHasher(RULES.secret());

	static final Instant SENT = Instant.parse("2026-03-01T07:00:00Z");

	final UUID id = UUID.randomUUID();

	final Challenge challenge = new Challenge(id, Challenge.Purpose.REGISTRATION, "+77011234567", "651106450323",
			HASHER.hash(id, "482913"), SENT, 0, null);

	@Test
	void theRightCodeWithinFiveMinutesVerifiesOnce() {
		var checked = challenge.check("482913", HASHER, RULES, SENT.plus(Duration.ofMinutes(5)).minusMillis(1));
		assertThat(checked.outcome()).isEqualTo(Challenge.Outcome.VERIFIED);
		// reused: a verified code opens nothing a second time
		assertThat(checked.challenge().check("482913", HASHER, RULES, SENT.plusSeconds(10)).outcome())
			.isEqualTo(Challenge.Outcome.NO_LONGER_VALID);
	}

	@Test
	void atFiveMinutesTheCodeHasExpired() {
		assertThat(challenge.check("482913", HASHER, RULES, SENT.plus(Duration.ofMinutes(5))).outcome())
			.isEqualTo(Challenge.Outcome.NO_LONGER_VALID);
	}

	@Test
	void fiveWrongTriesEndTheCodeAndTheSixthIsRefusedEvenIfRight() {
		Challenge current = challenge;
		for (int i = 1; i <= 4; i++) {
			var checked = current.check("000000", HASHER, RULES, SENT.plusSeconds(i));
			assertThat(checked.outcome()).isEqualTo(Challenge.Outcome.WRONG);
			current = checked.challenge();
		}
		var fifth = current.check("111111", HASHER, RULES, SENT.plusSeconds(5));
		assertThat(fifth.outcome()).isEqualTo(Challenge.Outcome.WRONG_LAST_TRY);
		assertThat(fifth.challenge().failedTries()).isEqualTo(5);
		assertThat(fifth.challenge().check("482913", HASHER, RULES, SENT.plusSeconds(6)).outcome())
			.isEqualTo(Challenge.Outcome.NO_LONGER_VALID);
	}

	@Test
	void aResendIsAllowedAfterSixtySecondsNotBeforeAndStartsTheCodeAnew() {
		assertThat(challenge.resendableAt(RULES)).isEqualTo(SENT.plusSeconds(60));
		Instant later = SENT.plusSeconds(60);
		Challenge resent = challenge.check("000000", HASHER, RULES, SENT.plusSeconds(1))
			.challenge()
			.resent(HASHER.hash(id, "765432"), later);
		assertThat(resent.failedTries()).isZero();
		assertThat(resent.check("482913", HASHER, RULES, later.plusSeconds(1)).outcome())
			.as("the old code no longer works").isEqualTo(Challenge.Outcome.WRONG);
		assertThat(resent.check("765432", HASHER, RULES, later.plus(Duration.ofMinutes(5)).minusMillis(1)).outcome())
			.isEqualTo(Challenge.Outcome.VERIFIED);
	}

	@Test
	void aHashIsBoundToItsChallengeAndToTheKey() {
		byte[] hash = HASHER.hash(id, "482913");
		assertThat(HASHER.matches(UUID.randomUUID(), "482913", hash)).isFalse();
		assertThat(new CodeHasher("another-secret-of-at-least-thirty-two-chars").matches(id, "482913", hash)).isFalse();
		assertThat(hash).hasSize(32).isNotEqualTo("482913".getBytes());
		assertThatIllegalArgumentException().isThrownBy(() -> new CodeHasher("short"));
	}

	@Test
	void codesAreSixDigits() {
		for (int i = 0; i < 1000; i++) {
			assertThat(CodeHasher.newCode()).matches("\\d{6}");
		}
	}
}
