package kz.khc.identity.web;

import java.time.Duration;

/**
 * A floor under the time of an answer, so that the work a known account causes (an SMS sent, a password hashed)
 * and the little an unknown one causes take the same time from outside. The wait parks a virtual thread; it costs
 * no CPU.
 */
public final class AnswerTime {

	private final long began = System.nanoTime();
	private final Duration floor;

	private AnswerTime(Duration floor) {
		this.floor = floor;
	}

	/** Starts the clock of an answer that must take at least {@code floor}. */
	public static AnswerTime atLeast(Duration floor) {
		return new AnswerTime(floor);
	}

	/** Waits out what is left of the floor; call it in a {@code finally}, so that errors wait too. */
	public void waitOut() {
		long left = floor.toNanos() - (System.nanoTime() - began);
		if (left > 0) {
			try {
				Thread.sleep(Duration.ofNanos(left));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
