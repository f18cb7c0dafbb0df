package kz.khc.elorda.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import kz.khc.workingdays.WorkingDayCalendar;

import org.junit.jupiter.api.Test;

/**
 * DOMAIN A1 at its edges: which day is the intake's last, how the 30 working days are counted across weekends and
 * the 2026 holidays (8 March moved to the 9th, Nauryz to 23–25 March, 1, 7 and 11 May), and the working days left
 * around the deadline.
 */
class VerificationDeadlineTest {

	static final WorkingDayCalendar KAZAKHSTAN = WorkingDayCalendar.kazakhstan();

	/** Weekends only, no holidays. */
	static final WorkingDayCalendar WEEKENDS_ONLY = WorkingDayCalendar.parse("weekends only", new StringReader(""));

	/** The deadline of a window closing at midnight on 21 March 2026: Friday 8 May. */
	static final LocalDate DEADLINE = LocalDate.of(2026, 5, 8);

	/** That moment in Almaty (UTC+5). */
	static Instant almaty(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.ofHours(5));
	}

	static long leftOn(int month, int day) {
		return VerificationDeadline.workingDaysLeft(DEADLINE, LocalDate.of(2026, month, day), KAZAKHSTAN);
	}

	@Test
	void theLastIntakeDayIsTheDayBeforeAWindowClosingAtMidnight() {
		assertThat(VerificationDeadline.lastIntakeDay(almaty(2026, 3, 21, 0, 0))).isEqualTo("2026-03-20");
	}

	@Test
	void theLastIntakeDayIsTheDayItselfOfAWindowClosingLaterThatDay() {
		assertThat(VerificationDeadline.lastIntakeDay(almaty(2026, 3, 20, 18, 0))).isEqualTo("2026-03-20");
		assertThat(VerificationDeadline.lastIntakeDay(almaty(2026, 3, 21, 0, 0).plusNanos(1_000)))
			.as("a microsecond after midnight: an application could still come in on the 21st")
			.isEqualTo("2026-03-21");
	}

	@Test
	void theLastIntakeDayIsTheDayInAlmatyNotInUtc() {
		// 23:30 UTC on the 20th is 04:30 on the 21st in Almaty
		assertThat(VerificationDeadline.lastIntakeDay(Instant.parse("2026-03-20T23:30:00Z"))).isEqualTo("2026-03-21");
		// midnight UTC on the 21st is 05:00 on the 21st in Almaty
		assertThat(VerificationDeadline.lastIntakeDay(Instant.parse("2026-03-21T00:00:00Z"))).isEqualTo("2026-03-21");
		// midnight in Almaty is 19:00 UTC the day before
		assertThat(VerificationDeadline.lastIntakeDay(Instant.parse("2026-03-20T19:00:00Z"))).isEqualTo("2026-03-20");
	}

	@Test
	void theDeadlineCountsThirtyWorkingDaysAfterTheLastDayAcrossNauryzAndTheMayHolidays() {
		// last day Friday 20 March 2026; 23–25 March (Nauryz, moved off the weekend), 1 and 7 May are days off
		assertThat(VerificationDeadline.of(almaty(2026, 3, 21, 0, 0), 30, KAZAKHSTAN)).isEqualTo(DEADLINE);
		// with weekends only it would be six weeks later
		assertThat(VerificationDeadline.of(almaty(2026, 3, 21, 0, 0), 30, WEEKENDS_ONLY)).isEqualTo("2026-05-01");
	}

	@Test
	void theDeadlineNeverCountsTheLastDayNorTheDaysOffAfterIt() {
		// last day Saturday 21 March (Nauryz itself): the first working day is still Thursday the 26th
		assertThat(VerificationDeadline.of(almaty(2026, 3, 22, 0, 0), 30, KAZAKHSTAN)).isEqualTo(DEADLINE);
		assertThat(VerificationDeadline.of(almaty(2026, 3, 21, 0, 0), 1, KAZAKHSTAN)).isEqualTo("2026-03-26");
		// last day Thursday 19 March: Friday the 20th is the first
		assertThat(VerificationDeadline.of(almaty(2026, 3, 20, 0, 0), 1, KAZAKHSTAN)).isEqualTo("2026-03-20");
	}

	@Test
	void theDeadlineCountsTheWomensDayMovedOffSunday() {
		// last day Sunday 1 February 2026; 8 March is a Sunday, so Monday the 9th is off
		assertThat(VerificationDeadline.of(almaty(2026, 2, 2, 0, 0), 30, KAZAKHSTAN)).isEqualTo("2026-03-16");
		assertThat(VerificationDeadline.of(almaty(2026, 2, 2, 0, 0), 30, WEEKENDS_ONLY)).isEqualTo("2026-03-13");
	}

	@Test
	void theNumberOfWorkingDaysIsAParameter() {
		assertThat(VerificationDeadline.of(almaty(2026, 3, 21, 0, 0), 29, KAZAKHSTAN)).isEqualTo("2026-05-06");
		assertThat(VerificationDeadline.of(almaty(2026, 3, 21, 0, 0), 31, KAZAKHSTAN)).isEqualTo("2026-05-12");
	}

	@Test
	void theDeadlineIsAlwaysAWorkingDay() {
		for (LocalDate last = LocalDate.of(2026, 1, 1); last.getYear() == 2026; last = last.plusDays(1)) {
			Instant closes = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(5));
			assertThat(KAZAKHSTAN.isWorkingDay(VerificationDeadline.of(closes, 30, KAZAKHSTAN))).as("after %s", last)
				.isTrue();
		}
	}

	@Test
	void theDeadlineIsNotWorkedOutOutsideTheCalendar() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerificationDeadline.of(almaty(3000, 3, 1, 0, 0), 30, KAZAKHSTAN));
	}

	@Test
	void theWholeCountIsLeftOnTheLastIntakeDayAndMoreWhileTheWindowIsOpen() {
		assertThat(leftOn(3, 20)).isEqualTo(30);
		assertThat(leftOn(3, 10)).as("and the eight working days from 11 to 20 March").isEqualTo(38);
	}

	@Test
	void noneIsLeftOnTheDeadlineItselfWhichStillCounts() {
		assertThat(leftOn(5, 8)).isZero();
	}

	@Test
	void daysOffBeforeTheDeadlineAreNotLeft() {
		assertThat(leftOn(5, 7)).as("Thursday 7 May is a holiday").isEqualTo(1);
		assertThat(leftOn(5, 6)).as("Wednesday: only Friday is left").isEqualTo(1);
		assertThat(leftOn(5, 5)).isEqualTo(2);
	}

	@Test
	void theDaysLeftAreNegativeFromTheFirstDayAfterTheDeadlineWeekendOrNot() {
		assertThat(leftOn(5, 9)).as("Saturday after the deadline").isEqualTo(-1);
		assertThat(leftOn(5, 11)).as("Monday 11 May is off (Victory Day moved)").isEqualTo(-1);
		assertThat(leftOn(5, 12)).isEqualTo(-1);
		assertThat(leftOn(5, 13)).isEqualTo(-2);
		assertThat(VerificationDeadline.workingDaysLeft(DEADLINE, LocalDate.of(2027, 1, 4), KAZAKHSTAN))
			.as("long overdue, across a new year").isNegative();
	}
}
