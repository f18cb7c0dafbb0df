package kz.khc.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled data: DOMAIN.md "Kazakhstan specifics" and rule I9. */
class KazakhstanCalendarTest {

	private final WorkingDayCalendar calendar = WorkingDayCalendar.kazakhstan();

	private static LocalDate date(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	private Set<LocalDate> weekdayDaysOff(int year) {
		Set<LocalDate> daysOff = new TreeSet<>();
		for (LocalDate d = date(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
			boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
			if (weekday && calendar.isDayOff(d)) {
				daysOff.add(d);
			}
		}
		return daysOff;
	}

	private LocalDate lastWorkingDayOnOrBefore(LocalDate date) {
		LocalDate d = date;
		while (calendar.isDayOff(d)) {
			d = d.minusDays(1);
		}
		return d;
	}

	@Test
	void theBundledDataLoadsOnceAndIsShared() {
		assertThat(WorkingDayCalendar.kazakhstan()).isSameAs(calendar);
	}

	@Test
	void weekdayDaysOffIn2026AreExactlyTheOnesInDomainMd() {
		assertThat(weekdayDaysOff(2026)).containsExactly(
				date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 7),
				date(2026, 3, 9),
				date(2026, 3, 23), date(2026, 3, 24), date(2026, 3, 25),
				date(2026, 5, 1), date(2026, 5, 7), date(2026, 5, 11),
				date(2026, 5, 27),
				date(2026, 7, 6),
				date(2026, 8, 31),
				date(2026, 10, 26),
				date(2026, 12, 16));
	}

	@Test
	void allWeekendDaysOf2026AreOff() {
		for (LocalDate d = date(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
			if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
				assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
			}
		}
	}

	@Test
	void newYearOnAWeekendMovesToMondayAndTuesday() {
		// 2022: Sat 1, Sun 2 January
		assertThat(calendar.isDayOff(date(2022, 1, 3))).isTrue();
		assertThat(calendar.isDayOff(date(2022, 1, 4))).isTrue();
		assertThat(calendar.isWorkingDay(date(2022, 1, 5))).isTrue();
		assertThat(calendar.isWorkingDay(date(2022, 1, 6))).isTrue();
		assertThat(calendar.isDayOff(date(2022, 1, 7))).isTrue();
	}

	@Test
	void nauryzOnAWeekendTakesTheNextFreeWeekdaysIn2026() {
		assertThat(calendar.isWorkingDay(date(2026, 3, 20))).isTrue();
		assertThat(calendar.isDayOff(date(2026, 3, 23))).isTrue();
		assertThat(calendar.isDayOff(date(2026, 3, 24))).isTrue();
		assertThat(calendar.isDayOff(date(2026, 3, 25))).isTrue();
		assertThat(calendar.isWorkingDay(date(2026, 3, 26))).isTrue();
	}

	@Test
	void nauryzMidweekIsNotMoved() {
		// 2023: Tue 21, Wed 22, Thu 23 March
		assertThat(calendar.isDayOff(date(2023, 3, 21))).isTrue();
		assertThat(calendar.isDayOff(date(2023, 3, 22))).isTrue();
		assertThat(calendar.isDayOff(date(2023, 3, 23))).isTrue();
		assertThat(calendar.isWorkingDay(date(2023, 3, 20))).isTrue();
		assertThat(calendar.isWorkingDay(date(2023, 3, 24))).isTrue();
		assertThat(calendar.isWorkingDay(date(2023, 3, 27))).isTrue();
	}

	@Test
	void nauryzPartlyOnAWeekendMovesOnlyTheWeekendDay() {
		// 2024: Thu 21, Fri 22, Sat 23 March -> Mon 25 off, Tue 26 working
		assertThat(calendar.isDayOff(date(2024, 3, 21))).isTrue();
		assertThat(calendar.isDayOff(date(2024, 3, 22))).isTrue();
		assertThat(calendar.isDayOff(date(2024, 3, 25))).isTrue();
		assertThat(calendar.isWorkingDay(date(2024, 3, 26))).isTrue();
	}

	@Test
	void orthodoxChristmasOnASundayDoesNotMove() {
		// 2024: Sun 7 January
		assertThat(calendar.isDayOff(date(2024, 1, 7))).isTrue();
		assertThat(calendar.isWorkingDay(date(2024, 1, 8))).isTrue();
		assertThat(calendar.dayOff(date(2024, 1, 7))).get().extracting(DayOff::reason)
				.isEqualTo(DayOff.Reason.HOLIDAY);
	}

	@Test
	void orthodoxChristmasOnAWeekdayIsOff() {
		assertThat(calendar.isDayOff(date(2026, 1, 7))).isTrue();
		assertThat(calendar.isWorkingDay(date(2026, 1, 6))).isTrue();
		assertThat(calendar.isWorkingDay(date(2026, 1, 8))).isTrue();
	}

	@Test
	void kurbanAit2026IsADayOff() {
		assertThat(calendar.isWorkingDay(date(2026, 5, 26))).isTrue();
		assertThat(calendar.isDayOff(date(2026, 5, 27))).isTrue();
		assertThat(calendar.isWorkingDay(date(2026, 5, 28))).isTrue();
		assertThat(calendar.dayOff(date(2026, 5, 27))).get().extracting(d -> d.name().en())
				.isEqualTo("Kurban Ait (first day)");
	}

	@Test
	void kurbanAitOnASundayDoesNotMove() {
		// 2024: Sun 16 June
		assertThat(calendar.isDayOff(date(2024, 6, 16))).isTrue();
		assertThat(calendar.isWorkingDay(date(2024, 6, 17))).isTrue();
	}

	@Test
	void decree2025SwapsFridayThirdAndSundayFifthOfJanuary() {
		assertThat(calendar.isDayOff(date(2025, 1, 3))).isTrue();
		assertThat(calendar.isWorkingDay(date(2025, 1, 5))).isTrue();
		assertThat(calendar.isDayOff(date(2025, 1, 4))).isTrue();
		assertThat(calendar.isWorkingDay(date(2025, 1, 6))).isTrue();
		assertThat(calendar.isDayOff(date(2025, 1, 7))).isTrue();
		assertThat(calendar.dayOff(date(2025, 1, 5))).isEmpty();
		assertThat(calendar.dayOff(date(2025, 1, 3))).get().extracting(DayOff::reason)
				.isEqualTo(DayOff.Reason.DECREE);
	}

	@Test
	void republicDayIsAHolidayFrom2022() {
		assertThat(calendar.isWorkingDay(date(2021, 10, 25))).isTrue();
		assertThat(calendar.isDayOff(date(2022, 10, 25))).isTrue();
	}

	@Test
	void holidaysOnAWeekendIn2026MoveToMonday() {
		// 8 March, 9 May, 30 August and 25 October 2026 are Sundays or a Saturday
		assertThat(calendar.dayOff(date(2026, 3, 9))).contains(new DayOff(date(2026, 3, 9),
				DayOff.Reason.TRANSFERRED_HOLIDAY, calendar.dayOff(date(2026, 3, 8)).orElseThrow().name(),
				date(2026, 3, 8)));
		assertThat(calendar.dayOff(date(2026, 5, 11)).orElseThrow().transferredFrom()).isEqualTo(date(2026, 5, 9));
		assertThat(calendar.dayOff(date(2026, 8, 31)).orElseThrow().transferredFrom()).isEqualTo(date(2026, 8, 30));
		assertThat(calendar.dayOff(date(2026, 10, 26)).orElseThrow().transferredFrom())
				.isEqualTo(date(2026, 10, 25));
	}

	@Test
	void explainsEachMovedNauryzDayWithItsOwnWeekendDate() {
		DayOff tuesday = calendar.dayOff(date(2026, 3, 24)).orElseThrow();
		DayOff wednesday = calendar.dayOff(date(2026, 3, 25)).orElseThrow();
		DayOff monday = calendar.dayOff(date(2026, 3, 23)).orElseThrow();

		assertThat(tuesday.reason()).isEqualTo(DayOff.Reason.TRANSFERRED_HOLIDAY);
		assertThat(tuesday.transferredFrom()).isEqualTo(date(2026, 3, 21));
		assertThat(wednesday.transferredFrom()).isEqualTo(date(2026, 3, 22));
		assertThat(monday.reason()).isEqualTo(DayOff.Reason.HOLIDAY);
		assertThat(monday.name().in(Locale.forLanguageTag("ru"))).isEqualTo("Наурыз мейрамы");
	}

	@Test
	void aHolidayOnAWeekendIsReportedAsTheHolidayNotAsAWeekend() {
		DayOff saturday = calendar.dayOff(date(2026, 3, 21)).orElseThrow();

		assertThat(saturday.reason()).isEqualTo(DayOff.Reason.HOLIDAY);
		assertThat(saturday.name().en()).isEqualTo("Nauryz");
		assertThat(saturday.transferredFrom()).isNull();
	}

	@Test
	void aPlainWeekendIsReportedAsSaturdayOrSunday() {
		assertThat(calendar.dayOff(date(2026, 3, 28))).contains(
				new DayOff(date(2026, 3, 28), DayOff.Reason.WEEKEND, LocalizedName.SATURDAY, null));
		assertThat(calendar.dayOff(date(2026, 3, 29)).orElseThrow().name().in(Locale.forLanguageTag("kk")))
				.isEqualTo("Жексенбі");
	}

	@Test
	void aWorkingDayHasNoDayOff() {
		assertThat(calendar.dayOff(date(2026, 3, 26))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({
			"2025-12-31, 2025-12-31", // Wednesday, working
			"2026-01-01, 2026-01-05", // Thu 1, Fri 2 off, weekend
			"2026-01-03, 2026-01-05",
			"2026-01-05, 2026-01-05",
			"2026-01-07, 2026-01-08", // Orthodox Christmas, Wednesday
			"2026-03-21, 2026-03-26", // Nauryz and its transfers
			"2026-05-09, 2026-05-12", // Victory Day on Saturday -> Monday 11 off
			"2025-01-01, 2025-01-05", // decree: Sunday 5 January 2025 worked
			"2026-12-31, 2026-12-31",
			"2027-01-01, 2027-01-05" // Fri 1 off, Sat 2 moves to Mon 4
	})
	void nextWorkingDayOnOrAfter(LocalDate due, LocalDate onTimeUntil) {
		assertThat(calendar.nextWorkingDayOnOrAfter(due)).isEqualTo(onTimeUntil);
	}

	@Test
	void plusWorkingDaysSkipsAHolidayWeek() {
		// a direction issued on Friday 20 March 2026, 10 working days (A2)
		assertThat(calendar.plusWorkingDays(date(2026, 3, 20), 10)).isEqualTo(date(2026, 4, 8));
		assertThat(calendar.plusWorkingDays(date(2026, 3, 20), 1)).isEqualTo(date(2026, 3, 26));
	}

	@Test
	void plusWorkingDaysDoesNotCountTheStartEvenOnADayOff() {
		assertThat(calendar.plusWorkingDays(date(2026, 1, 1), 1)).isEqualTo(date(2026, 1, 5));
		assertThat(calendar.plusWorkingDays(date(2026, 1, 5), 1)).isEqualTo(date(2026, 1, 6));
		assertThat(calendar.plusWorkingDays(date(2026, 1, 5), 2)).isEqualTo(date(2026, 1, 8));
	}

	@Test
	void plusWorkingDaysAcrossNewYear() {
		assertThat(calendar.plusWorkingDays(date(2025, 12, 31), 1)).isEqualTo(date(2026, 1, 5));
		assertThat(calendar.plusWorkingDays(date(2025, 12, 31), 3)).isEqualTo(date(2026, 1, 8));
	}

	@Test
	void plusZeroWorkingDaysIsTheStart() {
		assertThat(calendar.plusWorkingDays(date(2026, 1, 1), 0)).isEqualTo(date(2026, 1, 1));
	}

	@Test
	void minusWorkingDaysCountsBack() {
		assertThat(calendar.plusWorkingDays(date(2026, 1, 8), -1)).isEqualTo(date(2026, 1, 6));
		assertThat(calendar.plusWorkingDays(date(2026, 1, 5), -1)).isEqualTo(date(2025, 12, 31));
		assertThat(calendar.plusWorkingDays(date(2026, 4, 8), -10)).isEqualTo(date(2026, 3, 20));
	}

	@Test
	void workingDaysBetweenExcludesTheStartAndIncludesTheEnd() {
		assertThat(calendar.workingDaysBetween(date(2026, 3, 20), date(2026, 4, 8))).isEqualTo(10);
		assertThat(calendar.workingDaysBetween(date(2026, 3, 26), date(2026, 3, 26))).isZero();
		assertThat(calendar.workingDaysBetween(date(2026, 3, 25), date(2026, 3, 26))).isEqualTo(1);
		assertThat(calendar.workingDaysBetween(date(2026, 3, 20), date(2026, 3, 25))).isZero();
	}

	@Test
	void workingDaysBetweenAcrossNewYear() {
		// 31 Dec, 5, 6, 8, 9 Jan
		assertThat(calendar.workingDaysBetween(date(2025, 12, 30), date(2026, 1, 9))).isEqualTo(5);
	}

	@Test
	void workingDaysIn2026() {
		// 261 weekdays minus the 15 weekday days off
		assertThat(calendar.workingDaysBetween(date(2025, 12, 31), date(2026, 12, 31))).isEqualTo(246);
	}

	@Test
	void workingDaysBetweenRejectsAnEndBeforeTheStart() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> calendar.workingDaysBetween(date(2026, 1, 2), date(2026, 1, 1)));
	}

	@Test
	void plusWorkingDaysAndWorkingDaysBetweenAgreeEveryDayFrom2020To2030() {
		for (LocalDate d = date(2020, 1, 1); d.getYear() <= 2030; d = d.plusDays(1)) {
			for (int n : new int[] { 0, 1, 2, 5, 10, 30 }) {
				LocalDate due = calendar.plusWorkingDays(d, n);
				assertThat(calendar.workingDaysBetween(d, due)).as("%s + %d", d, n).isEqualTo(n);
				if (n > 0) {
					assertThat(calendar.isWorkingDay(due)).as("%s + %d", d, n).isTrue();
					assertThat(calendar.plusWorkingDays(due, -n)).as("%s + %d - %d", d, n, n)
							.isEqualTo(lastWorkingDayOnOrBefore(d));
				}
			}
		}
	}

	@Test
	void dayOffIsPresentExactlyOnDaysOff() {
		for (LocalDate d = date(2024, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
			assertThat(calendar.dayOff(d).isPresent()).as(d.toString()).isEqualTo(calendar.isDayOff(d));
			assertThat(calendar.isDayOff(d)).isNotEqualTo(calendar.isWorkingDay(d));
		}
	}

	@Test
	void appliesTheRulesToAnyYearInRange() {
		// 2100: Fri 1 January, Sat 2 January -> Mon 4 January off
		assertThat(calendar.isDayOff(date(2100, 1, 1))).isTrue();
		assertThat(calendar.isDayOff(date(2100, 1, 4))).isTrue();
		assertThat(calendar.isWorkingDay(date(2100, 1, 5))).isTrue();
		// 2000: Sat 1, Sun 2 January -> Mon 3, Tue 4 off
		assertThat(calendar.isDayOff(date(2000, 1, 3))).isTrue();
		assertThat(calendar.isDayOff(date(2000, 1, 4))).isTrue();
	}

	@Test
	void rejectsDatesOutsideTheCoveredYears() {
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.isWorkingDay(date(1899, 12, 31)))
				.withMessageContaining("1899");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.isWorkingDay(date(2200, 1, 1)));
	}
}
