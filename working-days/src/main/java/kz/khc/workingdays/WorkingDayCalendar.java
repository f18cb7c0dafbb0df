package kz.khc.workingdays;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

import kz.khc.workingdays.CalendarRules.DatedDay;
import kz.khc.workingdays.CalendarRules.YearlyHoliday;

import org.jspecify.annotations.Nullable;

/**
 * The working-day calendar of Kazakhstan (DOMAIN.md, "Kazakhstan specifics"): working days are Monday to Friday
 * except days off. A public holiday that falls on a Saturday or Sunday gives instead the next weekday that is not
 * already a day off (holidays are moved in date order, so 2026's Nauryz on Sat 21, Sun 22 and Mon 23 March gives
 * Mon 23, Tue 24 and Wed 25 off); non-moving days off (7 January, the first day of Kurban Ait) never move; days
 * swapped by a government decree override everything else.
 * <p>
 * Immutable and thread-safe. The rules are applied to any year from 1900 to 2199 (other dates are rejected with
 * an {@link IllegalArgumentException}); each year is computed once, on first use, into a bit set, so
 * {@link #isWorkingDay} is cheap enough for millions of schedule rows. The answer is only as complete as the
 * data: a year without its Kurban Ait date or its decrees in the data is computed without them.
 */
public final class WorkingDayCalendar {

	static final int MIN_YEAR = 1900;
	static final int MAX_YEAR = 2199;

	private static final String KAZAKHSTAN_DATA = "kazakhstan.csv";

	private static volatile @Nullable WorkingDayCalendar kazakhstan;

	private final CalendarRules rules;
	private final AtomicReferenceArray<YearDays> years = new AtomicReferenceArray<>(MAX_YEAR - MIN_YEAR + 1);

	private WorkingDayCalendar(CalendarRules rules) {
		this.rules = rules;
	}

	/**
	 * The calendar from the data bundled with this module ({@code kz/khc/workingdays/kazakhstan.csv}).
	 *
	 * @throws IllegalArgumentException if the bundled data is invalid, naming the line
	 */
	public static WorkingDayCalendar kazakhstan() {
		WorkingDayCalendar calendar = kazakhstan;
		if (calendar == null) {
			calendar = loadKazakhstan();
			kazakhstan = calendar;
		}
		return calendar;
	}

	/**
	 * A calendar from data in the format of the bundled {@code kazakhstan.csv} (see the module's README), e.g. a
	 * test's own holidays or a decree not yet bundled.
	 *
	 * @param sourceName names the data in error messages
	 * @throws IllegalArgumentException if a line is invalid, naming the source and the line number
	 */
	public static WorkingDayCalendar parse(String sourceName, Reader data) {
		BufferedReader reader = data instanceof BufferedReader buffered ? buffered : new BufferedReader(data);
		return of(CalendarDataParser.parse(sourceName, reader));
	}

	static WorkingDayCalendar of(CalendarRules rules) {
		return new WorkingDayCalendar(rules);
	}

	/** {@code true} for a day that is neither a weekend day (unless worked by decree) nor a day off. */
	public boolean isWorkingDay(LocalDate date) {
		return yearDays(date.getYear()).isWorkingDay(date);
	}

	public boolean isDayOff(LocalDate date) {
		return !isWorkingDay(date);
	}

	/**
	 * Why the date is not a working day, or empty on a working day. A holiday on a Saturday or Sunday is reported
	 * as the {@link DayOff.Reason#HOLIDAY holiday}, not as a plain weekend.
	 */
	public Optional<DayOff> dayOff(LocalDate date) {
		return yearDays(date.getYear()).dayOff(date);
	}

	/**
	 * The date itself when it is a working day, otherwise the first working day after it: the last day on which a
	 * payment due on {@code date} is still on time (rule I9).
	 */
	public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
		LocalDate candidate = date;
		while (true) {
			YearDays year = yearDays(candidate.getYear());
			int next = year.working.nextSetBit(candidate.getDayOfYear() - 1);
			if (next >= 0) {
				return LocalDate.ofYearDay(candidate.getYear(), next + 1);
			}
			candidate = LocalDate.of(candidate.getYear() + 1, 1, 1);
		}
	}

	/**
	 * The {@code n}-th working day after {@code start}, for deadlines such as "within 10 working days" of a
	 * direction (DOMAIN.md A2): {@code start} itself is never counted, whether it is a working day or not, so a
	 * direction issued on Friday 20 March 2026 with 10 working days is due on Wednesday 8 April 2026. The result
	 * is always a working day when {@code n != 0}; {@code n == 0} returns {@code start} unchanged, and a negative
	 * {@code n} counts back: the {@code |n|}-th working day before {@code start}.
	 */
	public LocalDate plusWorkingDays(LocalDate start, int n) {
		LocalDate date = start;
		if (n >= 0) {
			for (int i = 0; i < n; i++) {
				date = nextWorkingDayOnOrAfter(date.plusDays(1));
			}
		}
		else {
			for (int i = 0; i > n; i--) {
				date = previousWorkingDayOnOrBefore(date.minusDays(1));
			}
		}
		return date;
	}

	/**
	 * The number of working days in the interval ({@code fromExclusive}, {@code toInclusive}]: 0 when the dates are
	 * equal; {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n} for {@code n >= 0}.
	 *
	 * @throws IllegalArgumentException if {@code toInclusive} is before {@code fromExclusive}
	 */
	public long workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		if (toInclusive.isBefore(fromExclusive)) {
			throw new IllegalArgumentException(toInclusive + " is before " + fromExclusive);
		}
		long count = 0;
		LocalDate from = fromExclusive.plusDays(1);
		while (!from.isAfter(toInclusive)) {
			LocalDate endOfSegment = from.getYear() == toInclusive.getYear() ? toInclusive
					: LocalDate.of(from.getYear(), 12, 31);
			BitSet working = yearDays(from.getYear()).working;
			count += working.get(from.getDayOfYear() - 1, endOfSegment.getDayOfYear()).cardinality();
			from = endOfSegment.plusDays(1);
		}
		return count;
	}

	private LocalDate previousWorkingDayOnOrBefore(LocalDate date) {
		LocalDate candidate = date;
		while (true) {
			YearDays year = yearDays(candidate.getYear());
			int previous = year.working.previousSetBit(candidate.getDayOfYear() - 1);
			if (previous >= 0) {
				return LocalDate.ofYearDay(candidate.getYear(), previous + 1);
			}
			candidate = LocalDate.of(candidate.getYear() - 1, 12, 31);
		}
	}

	private YearDays yearDays(int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new IllegalArgumentException(
					"the working-day calendar covers " + MIN_YEAR + " to " + MAX_YEAR + ", not " + year);
		}
		YearDays days = years.get(year - MIN_YEAR);
		if (days == null) {
			// Two threads may compute the same year at once; both results are equal, the first one is kept.
			years.compareAndSet(year - MIN_YEAR, null, compute(year));
			days = years.get(year - MIN_YEAR);
		}
		return days;
	}

	/**
	 * Applies the rules to one year. Holidays of the year before are included so that a holiday late in December
	 * that moves into January would be found.
	 */
	private YearDays compute(int year) {
		Map<LocalDate, DayOff> holidays = new HashMap<>();
		List<DayOff> toMove = new ArrayList<>();
		for (int y = year - 1; y <= year; y++) {
			for (YearlyHoliday holiday : rules.movingHolidays()) {
				if (holiday.appliesTo(y)) {
					LocalDate date = holiday.monthDay().atYear(y);
					DayOff dayOff = new DayOff(date, DayOff.Reason.HOLIDAY, holiday.name(), null);
					holidays.putIfAbsent(date, dayOff);
					if (isWeekend(date)) {
						toMove.add(dayOff);
					}
				}
			}
			for (YearlyHoliday holiday : rules.fixedHolidays()) {
				if (holiday.appliesTo(y)) {
					LocalDate date = holiday.monthDay().atYear(y);
					holidays.putIfAbsent(date, new DayOff(date, DayOff.Reason.HOLIDAY, holiday.name(), null));
				}
			}
		}
		for (DatedDay day : rules.fixedDates()) {
			if (day.date().getYear() >= year - 1 && day.date().getYear() <= year) {
				holidays.putIfAbsent(day.date(), new DayOff(day.date(), DayOff.Reason.HOLIDAY, day.name(), null));
			}
		}

		Set<LocalDate> taken = new HashSet<>(holidays.keySet());
		Map<LocalDate, DayOff> daysOff = new HashMap<>(holidays);
		toMove.sort(Comparator.comparing(DayOff::date));
		for (DayOff holiday : toMove) {
			LocalDate target = holiday.date().plusDays(1);
			while (isWeekend(target) || taken.contains(target)) {
				target = target.plusDays(1);
			}
			taken.add(target);
			daysOff.put(target, new DayOff(target, DayOff.Reason.TRANSFERRED_HOLIDAY, holiday.name(), holiday.date()));
		}
		for (DatedDay day : rules.decreeDaysOff()) {
			daysOff.put(day.date(), new DayOff(day.date(), DayOff.Reason.DECREE, day.name(), null));
		}
		for (DatedDay day : rules.decreeWorkingDays()) {
			daysOff.remove(day.date());
		}
		Set<LocalDate> workedWeekendDays = new HashSet<>();
		for (DatedDay day : rules.decreeWorkingDays()) {
			workedWeekendDays.add(day.date());
		}

		LocalDate first = LocalDate.of(year, 1, 1);
		int length = first.lengthOfYear();
		BitSet working = new BitSet(length);
		Map<LocalDate, DayOff> yearDaysOff = new HashMap<>();
		for (int i = 0; i < length; i++) {
			LocalDate date = first.plusDays(i);
			DayOff dayOff = daysOff.get(date);
			if (dayOff != null) {
				yearDaysOff.put(date, dayOff);
			}
			else if (!isWeekend(date) || workedWeekendDays.contains(date)) {
				working.set(i);
			}
		}
		return new YearDays(working, yearDaysOff);
	}

	private static boolean isWeekend(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

	/** One year: bit {@code dayOfYear - 1} is set for a working day; the reasons for the non-weekend days off. */
	private record YearDays(BitSet working, Map<LocalDate, DayOff> daysOff) {

		YearDays {
			daysOff = Map.copyOf(daysOff);
		}

		boolean isWorkingDay(LocalDate date) {
			return working.get(date.getDayOfYear() - 1);
		}

		Optional<DayOff> dayOff(LocalDate date) {
			if (isWorkingDay(date)) {
				return Optional.empty();
			}
			DayOff dayOff = daysOff.get(date);
			if (dayOff != null) {
				return Optional.of(dayOff);
			}
			LocalizedName name = date.getDayOfWeek() == DayOfWeek.SATURDAY ? LocalizedName.SATURDAY
					: LocalizedName.SUNDAY;
			return Optional.of(new DayOff(date, DayOff.Reason.WEEKEND, name, null));
		}
	}

	private static WorkingDayCalendar loadKazakhstan() {
		InputStream data = WorkingDayCalendar.class.getResourceAsStream(KAZAKHSTAN_DATA);
		if (data == null) {
			throw new IllegalStateException("kz/khc/workingdays/" + KAZAKHSTAN_DATA + " is missing");
		}
		try (Reader reader = new InputStreamReader(data, StandardCharsets.UTF_8)) {
			return parse(KAZAKHSTAN_DATA, reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
