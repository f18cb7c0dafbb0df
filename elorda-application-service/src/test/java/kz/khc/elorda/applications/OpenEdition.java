package kz.khc.elorda.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Editions;
import kz.khc.testsupport.MovableClock;

/**
 * An edition open for one test: its window lies in a far year of its own (tests share the database, and windows
 * never overlap), and the test's clock stands in it.
 */
public final class OpenEdition {

	private OpenEdition() {
	}

	/** Open from 1 March to 1 April (Almaty) of a random year; the clock at 10 March. */
	public static Edition open(Editions editions, MovableClock clock) {
		int year = ThreadLocalRandom.current().nextInt(3000, 200_000);
		Edition edition = editions.create("t" + year, "Test " + year, march(year, 1), march(year, 32), null, "test");
		clock.set(march(year, 10));
		return edition;
	}

	/** Midnight in Almaty on that day of March (32 is 1 April). */
	public static Instant march(int year, int day) {
		return LocalDate.of(year, 3, 1).plusDays(day - 1).atStartOfDay().toInstant(ZoneOffset.ofHours(5));
	}
}
