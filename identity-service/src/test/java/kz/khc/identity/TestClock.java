package kz.khc.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests move by hand, in Astana's zone; {@code @Import(TestClock.AsTheServiceClock.class)} makes it the
 * service's clock. One instance for the JVM: tests take their times relative to {@link #instant()}.
 */
public final class TestClock extends Clock {

	public static final TestClock INSTANCE = new TestClock();

	@TestConfiguration
	public static class AsTheServiceClock {

		@Bean
		@Primary
		Clock testClock() {
			return INSTANCE;
		}
	}

	private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneId.of("Asia/Almaty");
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}
}
