package kz.khc.identity.codes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.khc.identity.TestClock;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-time codes' rules with their state in real PostgreSQL: tries, resends and hourly limits. */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(TestClock.AsTheServiceClock.class)
class OneTimeCodesIT {

	static final TestClock CLOCK = TestClock.INSTANCE;

	@Autowired
	OneTimeCodes codes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCodeIsSentKeptOnlyAsAHashAndOpensOnce() {
		List<String> sms = new ArrayList<>();
		var started = codes.start(Challenge.Purpose.REGISTRATION, mobile(), iin(0), address(), sms::add);

		assertThat(sms).singleElement().asString().matches("\\d{6}");
		assertThat(started.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(5)));
		assertThat(started.resendableAt()).isEqualTo(CLOCK.instant().plusSeconds(60));
		byte[] stored = jdbc.sql("select code_hash from challenge where id = ?")
			.param(started.challengeId())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(sms.getFirst());

		assertThat(codes.check(started.challengeId(), wrong(sms.getFirst())).outcome())
			.isEqualTo(Challenge.Outcome.WRONG);
		var right = codes.check(started.challengeId(), sms.getFirst());
		assertThat(right.outcome()).isEqualTo(Challenge.Outcome.VERIFIED);
		assertThat(right.triesLeft()).isEqualTo(4);
		assertThat(codes.check(started.challengeId(), sms.getFirst()).outcome()).as("reused")
			.isEqualTo(Challenge.Outcome.NO_LONGER_VALID);
	}

	@Test
	void detailsThatDidNotMatchGetAChallengeThatLooksTheSameButNoCode() {
		var started = codes.start(Challenge.Purpose.REGISTRATION, mobile(), iin(0), address(), null);
		assertThat(started.challengeId()).isNotNull();
		assertThat(codes.check(started.challengeId(), "123456").outcome()).isEqualTo(Challenge.Outcome.WRONG);
		assertThat(codes.check(UUID.randomUUID(), "123456").outcome()).as("an unknown challenge")
			.isEqualTo(Challenge.Outcome.NO_LONGER_VALID);
	}

	@Test
	void triesArePersistedAndTheSixthIsRefusedEvenIfRight() {
		List<String> sms = new ArrayList<>();
		var started = codes.start(Challenge.Purpose.PASSWORD_RESET, mobile(), iin(0), address(), sms::add);
		for (int i = 0; i < 4; i++) {
			assertThat(codes.check(started.challengeId(), wrong(sms.getFirst())).outcome())
				.isEqualTo(Challenge.Outcome.WRONG);
		}
		assertThat(codes.check(started.challengeId(), wrong(sms.getFirst())).outcome())
			.isEqualTo(Challenge.Outcome.WRONG_LAST_TRY);
		assertThat(codes.check(started.challengeId(), sms.getFirst()).outcome())
			.isEqualTo(Challenge.Outcome.NO_LONGER_VALID);
	}

	@Test
	void anExpiredCodeNoLongerOpensAndAResendComesOnlyAfterAMinute() {
		List<String> sms = new ArrayList<>();
		String mobile = mobile();
		var started = codes.start(Challenge.Purpose.REGISTRATION, mobile, iin(0), address(), sms::add);

		CLOCK.advance(Duration.ofSeconds(59));
		assertThatThrownBy(() -> codes.resend(started.challengeId(), address(), sms::add))
			.isInstanceOfSatisfying(OneTimeCodes.TooSoon.class,
					tooSoon -> assertThat(tooSoon.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
		CLOCK.advance(Duration.ofSeconds(241));
		assertThat(codes.check(started.challengeId(), sms.getFirst()).outcome()).as("at 5:00")
			.isEqualTo(Challenge.Outcome.NO_LONGER_VALID);

		codes.resend(started.challengeId(), address(), sms::add);
		assertThat(sms).hasSize(2);
		assertThat(codes.check(started.challengeId(), sms.getFirst()).outcome()).as("the old code")
			.isEqualTo(Challenge.Outcome.WRONG);
		assertThat(codes.check(started.challengeId(), sms.getLast()).outcome()).isEqualTo(Challenge.Outcome.VERIFIED);
	}

	@Test
	void fiveCodesAnHourPerPhonePerIinAndTwentyPerAddress() {
		String mobile = mobile();
		for (int i = 0; i < 5; i++) {
			codes.start(Challenge.Purpose.REGISTRATION, mobile, iin(i), address(), null);
		}
		assertThatThrownBy(() -> codes.start(Challenge.Purpose.REGISTRATION, mobile, iin(9), address(), null))
			.as("sixth to the same phone").isInstanceOf(OneTimeCodes.TooSoon.class);

		String sameIin = iin(1);
		for (int i = 0; i < 5; i++) {
			codes.start(Challenge.Purpose.REGISTRATION, mobile(), sameIin, address(), null);
		}
		assertThatThrownBy(() -> codes.start(Challenge.Purpose.REGISTRATION, mobile(), sameIin, address(), null))
			.as("sixth for the same IIN").isInstanceOf(OneTimeCodes.TooSoon.class);

		String address = address();
		for (int i = 0; i < 20; i++) {
			codes.start(Challenge.Purpose.REGISTRATION, mobile(), iin(i % 5), address, null);
		}
		assertThatThrownBy(() -> codes.start(Challenge.Purpose.REGISTRATION, mobile(), iin(7), address, null))
			.as("twenty-first from the same address").isInstanceOf(OneTimeCodes.TooSoon.class);

		CLOCK.advance(Duration.ofHours(1));
		codes.start(Challenge.Purpose.REGISTRATION, mobile, iin(9), address, null);
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}

	private static String mobile() {
		return "+7701%07d".formatted(Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
	}

	private static String address() {
		return "10.%d.%d.%d".formatted(Math.floorMod(UUID.randomUUID().hashCode(), 250),
				Math.floorMod(UUID.randomUUID().hashCode(), 250), Math.floorMod(UUID.randomUUID().hashCode(), 250));
	}

	/** A new person's IIN each time (the check digit does not matter here; other tests share the database). */
	private static String iin(int i) {
		return "8801014%05d".formatted(Math.floorMod(UUID.randomUUID().hashCode(), 100_000)).substring(0, 11) + i;
	}
}
