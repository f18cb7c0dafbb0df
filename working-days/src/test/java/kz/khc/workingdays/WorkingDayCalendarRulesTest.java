package kz.khc.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The rules applied to data of the tests' own, through the public {@link WorkingDayCalendar#parse}. */
class WorkingDayCalendarRulesTest {

	private static WorkingDayCalendar calendar(String data) {
		return WorkingDayCalendar.parse("test.csv", new StringReader(data));
	}

	private static LocalDate date(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	@Test
	void withoutDataOnlyWeekendsAreOff() {
		WorkingDayCalendar calendar = calendar("");

		assertThat(calendar.isWorkingDay(date(2026, 1, 1))).isTrue();
		assertThat(calendar.isDayOff(date(2026, 1, 3))).isTrue();
		assertThat(calendar.workingDaysBetween(date(2025, 12, 31), date(2026, 12, 31))).isEqualTo(261);
	}

	@Test
	void aTransferSkipsANonMovingDayOff() {
		// 2026: Sat 3 January holiday; Mon 5 January fixed -> transfer to Tue 6 January
		WorkingDayCalendar calendar = calendar("""
				moving;01-03;Test holiday;Тест;Тест
				fixed;01-05;Fixed day;Фикс;Фикс
				""");

		assertThat(calendar.isDayOff(date(2026, 1, 5))).isTrue();
		assertThat(calendar.isDayOff(date(2026, 1, 6))).isTrue();
		assertThat(calendar.dayOff(date(2026, 1, 6)).orElseThrow().transferredFrom()).isEqualTo(date(2026, 1, 3));
		assertThat(calendar.isWorkingDay(date(2026, 1, 7))).isTrue();
	}

	@Test
	void aFixedDayOnAWeekendIsNotTransferred() {
		WorkingDayCalendar calendar = calendar("fixed;01-03;Fixed day;Фикс;Фикс\n");

		assertThat(calendar.isDayOff(date(2026, 1, 3))).isTrue();
		assertThat(calendar.isWorkingDay(date(2026, 1, 5))).isTrue();
	}

	@Test
	void aTransferSkipsAOneYearFixedDate() {
		// 2026: Sun 8 March; Mon 9 March fixed for 2026 only -> Tue 10 March
		WorkingDayCalendar calendar = calendar("""
				moving;03-08;Women's Day;Женский день;Әйелдер күні
				fixed;2026-03-09;Lunar day;Лунный день;Ай күні
				""");

		assertThat(calendar.isDayOff(date(2026, 3, 10))).isTrue();
		assertThat(calendar.isWorkingDay(date(2026, 3, 11))).isTrue();
		// 2027: Mon 8 March, nothing to move
		assertThat(calendar.isWorkingDay(date(2027, 3, 9))).isTrue();
	}

	@Test
	void aHolidayOnSaturdayThirtyFirstOfDecemberMovesIntoJanuaryPastTheNewYearHolidays() {
		// 31 Dec 2022 is a Saturday; 1 Jan 2023 Sunday moves to Mon 2 Jan (itself a holiday) -> order by date:
		// 31 Dec -> Mon 2 Jan is taken by 2 Jan's own holiday -> Tue 3 Jan; 1 Jan -> Wed 4 Jan
		WorkingDayCalendar calendar = calendar("""
				moving;12-31;Year end;Конец года;Жыл соңы
				moving;01-01;New Year;Новый год;Жаңа жыл
				moving;01-02;New Year;Новый год;Жаңа жыл
				""");

		assertThat(calendar.isDayOff(date(2023, 1, 2))).isTrue();
		assertThat(calendar.dayOff(date(2023, 1, 3)).orElseThrow().transferredFrom()).isEqualTo(date(2022, 12, 31));
		assertThat(calendar.dayOff(date(2023, 1, 4)).orElseThrow().transferredFrom()).isEqualTo(date(2023, 1, 1));
		assertThat(calendar.isWorkingDay(date(2023, 1, 5))).isTrue();
	}

	@Test
	void aHolidayYearRangeIsInclusive() {
		// 25 October: Mon 2021, Tue 2022, Wed 2023
		WorkingDayCalendar calendar = calendar("moving;10-25;Republic Day;День Республики;Республика күні;2022;2022\n");

		assertThat(calendar.isWorkingDay(date(2021, 10, 25))).isTrue();
		assertThat(calendar.isDayOff(date(2022, 10, 25))).isTrue();
		assertThat(calendar.isWorkingDay(date(2023, 10, 25))).isTrue();
	}

	@Test
	void twentyNinthOfFebruaryIsAHolidayOnlyInLeapYears() {
		WorkingDayCalendar calendar = calendar("moving;02-29;Leap day;Високосный день;Кібісе күн\n");

		assertThat(calendar.isDayOff(date(2028, 2, 29))).isTrue(); // Tuesday
		assertThat(calendar.isWorkingDay(date(2027, 2, 26))).isTrue();
		assertThat(calendar.isWorkingDay(date(2027, 3, 1))).isTrue();
	}

	@Test
	void aDecreeWorkdayOverridesAHoliday() {
		WorkingDayCalendar calendar = calendar("""
				moving;01-02;New Year;Новый год;Жаңа жыл
				decree-workday;2026-01-02;Worked by decree;Рабочий по постановлению;Қаулы бойынша жұмыс күні
				""");

		assertThat(calendar.isWorkingDay(date(2026, 1, 2))).isTrue();
		assertThat(calendar.dayOff(date(2026, 1, 2))).isEmpty();
	}

	@Test
	void aDecreeDayOffOverridesAWorkingDay() {
		WorkingDayCalendar calendar = calendar("decree-off;2026-01-09;Off by decree;Выходной;Демалыс\n");

		DayOff dayOff = calendar.dayOff(date(2026, 1, 9)).orElseThrow();
		assertThat(dayOff.reason()).isEqualTo(DayOff.Reason.DECREE);
		assertThat(dayOff.name().en()).isEqualTo("Off by decree");
	}

	@Test
	void nextWorkingDayCrossesTheYearEnd() {
		WorkingDayCalendar calendar = calendar("""
				decree-off;2026-12-31;Off by decree;Выходной;Демалыс
				moving;01-01;New Year;Новый год;Жаңа жыл
				""");

		// Thu 31 Dec 2026 off, Fri 1 Jan 2027 holiday, weekend
		assertThat(calendar.nextWorkingDayOnOrAfter(date(2026, 12, 31))).isEqualTo(date(2027, 1, 4));
		assertThat(calendar.plusWorkingDays(date(2027, 1, 4), -1)).isEqualTo(date(2026, 12, 30));
	}

	@Test
	void parseNamesTheLineOfBadData() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> calendar("moving;01-01;New Year;Новый год;Жаңа жыл\nfixed;2026-13-01;X;X;X\n"))
				.withMessageStartingWith("test.csv line 2: ");
	}
}
