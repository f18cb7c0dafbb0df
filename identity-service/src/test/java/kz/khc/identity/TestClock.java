package kz.khc.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** A clock the test moves by hand, in Astana's zone. */
public final class TestClock extends Clock {

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
