package kz.khc.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A clock in Asia/Almaty that a test moves: replace the service's {@code Clock} bean with it to see what happens on
 * a given day. Starts at the real now.
 */
public final class MovableClock extends Clock {

	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	private volatile Instant now = Instant.now();

	public void set(Instant instant) {
		now = instant;
	}

	/** 10:00 that day in Almaty: a working hour. */
	public void set(LocalDate day) {
		set(ZonedDateTime.of(day.atTime(10, 0), ALMATY).toInstant());
	}

	@Override
	public ZoneId getZone() {
		return ALMATY;
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
