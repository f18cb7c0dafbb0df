package kz.khc.elorda.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import kz.khc.workingdays.WorkingDayCalendar;

/**
 * DOMAIN A1: after an edition's intake closes, the akimat verifies its applications within a number of working
 * days. The count starts after the last day applications were taken; that day itself never counts, nor do weekends
 * and days off (Kazakhstan's calendar, holidays moved off weekends included).
 */
final class VerificationDeadline {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	private VerificationDeadline() {
	}

	/**
	 * The last day applications were taken: the day in Almaty of the last moment before {@code closesAt}, which is
	 * exclusive — the day before it for a window closing at midnight, the day itself for one closing at 18:00.
	 */
	static LocalDate lastIntakeDay(Instant closesAt) {
		return LocalDate.ofInstant(closesAt.minusNanos(1), ALMATY);
	}

	/**
	 * The {@code workingDays}-th working day after the last intake day: a window closing at midnight on Saturday
	 * 21 March 2026 (last day Friday the 20th, Nauryz off on the 23rd to the 25th) gives 8 May 2026 for 30.
	 *
	 * @throws IllegalArgumentException when the calendar does not cover the dates (it covers 1900–2199)
	 */
	static LocalDate of(Instant closesAt, int workingDays, WorkingDayCalendar calendar) {
		return calendar.plusWorkingDays(lastIntakeDay(closesAt), workingDays);
	}

	/**
	 * Working days left to decide as of {@code today}: the working days after today up to the deadline, so 0 on the
	 * deadline day itself (it still counts) and 1 on the working day before it. Once the deadline has passed, it is
	 * negative from the first day after it, a weekend's too: minus the working days from the deadline up to the
	 * first working day on or after today (the Saturday after a Friday deadline gives -1, as Monday does: deciding
	 * then is a working day late).
	 *
	 * @throws IllegalArgumentException when the calendar does not cover the dates (it covers 1900–2199)
	 */
	static long workingDaysLeft(LocalDate deadline, LocalDate today, WorkingDayCalendar calendar) {
		if (!today.isAfter(deadline)) {
			return calendar.workingDaysBetween(today, deadline);
		}
		return -calendar.workingDaysBetween(deadline, calendar.nextWorkingDayOnOrAfter(today));
	}
}
