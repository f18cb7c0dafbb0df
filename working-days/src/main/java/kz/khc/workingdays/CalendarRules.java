package kz.khc.workingdays;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The parsed calendar data: what {@link WorkingDayCalendar} applies to every year.
 *
 * @param movingHolidays public holidays that give a weekday off when they fall on a Saturday or Sunday
 * @param fixedHolidays days off every year that never move (7 January)
 * @param fixedDates days off in one year only that never move (the first day of Kurban Ait)
 * @param decreeDaysOff weekdays made days off by a government decree
 * @param decreeWorkingDays weekend days made working days by a government decree
 */
record CalendarRules(List<YearlyHoliday> movingHolidays, List<YearlyHoliday> fixedHolidays, List<DatedDay> fixedDates,
		List<DatedDay> decreeDaysOff, List<DatedDay> decreeWorkingDays) {

	CalendarRules {
		movingHolidays = List.copyOf(movingHolidays);
		fixedHolidays = List.copyOf(fixedHolidays);
		fixedDates = List.copyOf(fixedDates);
		decreeDaysOff = List.copyOf(decreeDaysOff);
		decreeWorkingDays = List.copyOf(decreeWorkingDays);
	}

	/** A holiday on the same month-day every year from {@code fromYear} to {@code toYear}, both inclusive. */
	record YearlyHoliday(MonthDay monthDay, LocalizedName name, int fromYear, int toYear) {

		boolean appliesTo(int year) {
			return year >= fromYear && year <= toYear && monthDay.isValidYear(year);
		}
	}

	/** A day named for one date only. */
	record DatedDay(LocalDate date, LocalizedName name) {
	}
}
