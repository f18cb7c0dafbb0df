package kz.khc.workingdays;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.khc.workingdays.CalendarRules.DatedDay;
import kz.khc.workingdays.CalendarRules.YearlyHoliday;

/**
 * Reads the line format described at the top of {@code kazakhstan.csv} and in the module's README. Any invalid
 * line fails the whole read with an {@link IllegalArgumentException} naming the source and the line number.
 */
final class CalendarDataParser {

	private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private final String source;
	private final List<YearlyHoliday> moving = new ArrayList<>();
	private final List<YearlyHoliday> fixed = new ArrayList<>();
	private final List<DatedDay> fixedDates = new ArrayList<>();
	private final List<DatedDay> decreeOff = new ArrayList<>();
	private final List<DatedDay> decreeWork = new ArrayList<>();
	private final Map<LocalDate, Integer> datedLines = new HashMap<>();

	private CalendarDataParser(String source) {
		this.source = source;
	}

	static CalendarRules parse(String source, BufferedReader reader) {
		CalendarDataParser parser = new CalendarDataParser(source);
		try {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				parser.parseLine(line, number);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + source, ex);
		}
		return new CalendarRules(parser.moving, parser.fixed, parser.fixedDates, parser.decreeOff, parser.decreeWork);
	}

	private void parseLine(String raw, int number) {
		String line = raw.strip();
		if (number == 1 && line.startsWith("\uFEFF")) {
			line = line.substring(1).strip();
		}
		if (line.isEmpty() || line.startsWith("#")) {
			return;
		}
		String[] fields = line.split(";", -1);
		for (int i = 0; i < fields.length; i++) {
			fields[i] = fields[i].strip();
		}
		String kind = fields[0];
		switch (kind) {
			case "moving" -> moving.add(yearlyHoliday(fields, number, moving));
			case "fixed" -> {
				if (fields.length > 1 && DATE.matcher(fields[1]).matches()) {
					fixedDates.add(datedDay(fields, number));
				}
				else {
					fixed.add(yearlyHoliday(fields, number, fixed));
				}
			}
			case "decree-off" -> decreeOff.add(datedDay(fields, number));
			case "decree-workday" -> decreeWork.add(datedDay(fields, number));
			default -> throw invalid(number, "unknown kind '" + kind
					+ "' (expected moving, fixed, decree-off or decree-workday)");
		}
	}

	private YearlyHoliday yearlyHoliday(String[] fields, int number, List<YearlyHoliday> sameKind) {
		if (fields.length < 5 || fields.length > 7) {
			throw invalid(number, "expected kind;MM-DD;name_en;name_ru;name_kk[;from_year[;to_year]], found "
					+ fields.length + " fields");
		}
		MonthDay monthDay = monthDay(fields[1], number);
		int fromYear = fields.length > 5 && !fields[5].isEmpty() ? year(fields[5], number) : Integer.MIN_VALUE;
		int toYear = fields.length > 6 && !fields[6].isEmpty() ? year(fields[6], number) : Integer.MAX_VALUE;
		if (fromYear > toYear) {
			throw invalid(number, "from_year " + fromYear + " is after to_year " + toYear);
		}
		YearlyHoliday holiday = new YearlyHoliday(monthDay, name(fields, number), fromYear, toYear);
		for (YearlyHoliday other : sameKind) {
			if (other.monthDay().equals(monthDay) && other.fromYear() <= toYear && fromYear <= other.toYear()) {
				throw invalid(number, fields[1] + " is already listed for these years");
			}
		}
		return holiday;
	}

	private DatedDay datedDay(String[] fields, int number) {
		if (fields.length != 5) {
			throw invalid(number, "expected kind;YYYY-MM-DD;name_en;name_ru;name_kk, found " + fields.length
					+ " fields");
		}
		LocalDate date = date(fields[1], number);
		Integer previous = datedLines.putIfAbsent(date, number);
		if (previous != null) {
			throw invalid(number, date + " is already listed on line " + previous);
		}
		return new DatedDay(date, name(fields, number));
	}

	private MonthDay monthDay(String text, int number) {
		if (!MONTH_DAY.matcher(text).matches()) {
			throw invalid(number, "expected a month-day MM-DD, found '" + text + "'");
		}
		try {
			return MonthDay.parse("--" + text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(number, "no such month-day '" + text + "'");
		}
	}

	private LocalDate date(String text, int number) {
		if (!DATE.matcher(text).matches()) {
			throw invalid(number, "expected a date YYYY-MM-DD, found '" + text + "'");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(number, "no such date '" + text + "'");
		}
	}

	private int year(String text, int number) {
		if (!YEAR.matcher(text).matches()) {
			throw invalid(number, "expected a year YYYY, found '" + text + "'");
		}
		return Integer.parseInt(text);
	}

	private LocalizedName name(String[] fields, int number) {
		if (fields[2].isEmpty() || fields[3].isEmpty() || fields[4].isEmpty()) {
			throw invalid(number, "a name is needed in en, ru and kk");
		}
		return new LocalizedName(fields[2], fields[3], fields[4]);
	}

	private IllegalArgumentException invalid(int number, String problem) {
		return new IllegalArgumentException(source + " line " + number + ": " + problem);
	}
}
