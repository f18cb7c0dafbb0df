package kz.khc.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarDataParserTest {

	private static CalendarRules parse(String data) {
		return CalendarDataParser.parse("test.csv", new BufferedReader(new StringReader(data)));
	}

	@Test
	void readsEveryKindAndSkipsCommentsAndBlankLines() {
		CalendarRules rules = parse("""
				# a comment

				moving;01-01;New Year;Новый год;Жаңа жыл
				moving ; 10-25 ; Republic Day ; День Республики ; Республика күні ; 2022
				fixed;01-07;Orthodox Christmas;Православное Рождество;Православиелік Рождество
				fixed;2026-05-27;Kurban Ait;Курбан айт;Құрбан айт
				decree-off;2025-01-03;Decree;Постановление;Қаулы
				decree-workday;2025-01-05;Decree;Постановление;Қаулы
				""");

		assertThat(rules.movingHolidays()).extracting(CalendarRules.YearlyHoliday::monthDay)
				.containsExactly(MonthDay.of(1, 1), MonthDay.of(10, 25));
		assertThat(rules.movingHolidays().get(1).fromYear()).isEqualTo(2022);
		assertThat(rules.movingHolidays().get(1).toYear()).isEqualTo(Integer.MAX_VALUE);
		assertThat(rules.movingHolidays().get(1).name().ru()).isEqualTo("День Республики");
		assertThat(rules.fixedHolidays()).extracting(CalendarRules.YearlyHoliday::monthDay)
				.containsExactly(MonthDay.of(1, 7));
		assertThat(rules.fixedDates()).extracting(CalendarRules.DatedDay::date)
				.containsExactly(LocalDate.of(2026, 5, 27));
		assertThat(rules.decreeDaysOff()).extracting(CalendarRules.DatedDay::date)
				.containsExactly(LocalDate.of(2025, 1, 3));
		assertThat(rules.decreeWorkingDays()).extracting(CalendarRules.DatedDay::date)
				.containsExactly(LocalDate.of(2025, 1, 5));
	}

	@Test
	void readsAYearRangeWithAnEmptyFromYear() {
		CalendarRules rules = parse("moving;12-17;Independence Day;День Независимости;Тәуелсіздік күні;;2021\n");

		assertThat(rules.movingHolidays().get(0).fromYear()).isEqualTo(Integer.MIN_VALUE);
		assertThat(rules.movingHolidays().get(0).toYear()).isEqualTo(2021);
	}

	@Test
	void skipsAByteOrderMark() {
		assertThat(parse("\uFEFFmoving;01-01;New Year;Новый год;Жаңа жыл\n").movingHolidays()).hasSize(1);
	}

	@Test
	void emptyDataIsAllowed() {
		assertThat(parse("# nothing\n").movingHolidays()).isEmpty();
	}

	@Test
	void aBadLineFailsWithItsLineNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("""
				# comment
				moving;01-01;New Year;Новый год;Жаңа жыл

				moving;13-01;Nonsense;Чепуха;Бос сөз
				"""))
				.withMessageStartingWith("test.csv line 4: ")
				.withMessageContaining("13-01");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"holiday;01-01;New Year;Новый год;Жаңа жыл",
			"moving;1-1;New Year;Новый год;Жаңа жыл",
			"moving;02-30;Nonsense;Чепуха;Бос сөз",
			"moving;2026-01-01;New Year;Новый год;Жаңа жыл",
			"moving;01-01;New Year;Новый год",
			"moving;01-01;New Year;;Жаңа жыл",
			"moving;01-01;New Year;Новый год;Жаңа жыл;2022;2021",
			"moving;01-01;New Year;Новый год;Жаңа жыл;22",
			"moving;01-01;New Year;Новый год;Жаңа жыл;2022;2030;2040",
			"fixed;2026-02-30;Kurban Ait;Курбан айт;Құрбан айт",
			"fixed;2026-05-27;Kurban Ait;Курбан айт;Құрбан айт;2026",
			"decree-off;01-03;Decree;Постановление;Қаулы",
			"decree-workday;2025/01/05;Decree;Постановление;Қаулы",
			"decree-off;2025-01-03",
			"moving,01-01,New Year,Новый год,Жаңа жыл" })
	void rejectsAnInvalidLine(String line) {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("# header\n" + line + "\n"))
				.withMessageStartingWith("test.csv line 2: ");
	}

	@Test
	void rejectsTheSameHolidayTwiceForOverlappingYears() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("""
				moving;10-25;Republic Day;День Республики;Республика күні;2022
				moving;10-25;Republic Day;День Республики;Республика күні;1995;2022
				""")).withMessageStartingWith("test.csv line 2: ");
	}

	@Test
	void acceptsTheSameHolidayForSeparateYears() {
		assertThat(parse("""
				moving;10-25;Republic Day;День Республики;Республика күні;1995;2008
				moving;10-25;Republic Day;День Республики;Республика күні;2022
				""").movingHolidays()).hasSize(2);
	}

	@Test
	void rejectsADateListedTwiceAndNamesTheFirstLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("""
				decree-off;2025-01-03;Decree;Постановление;Қаулы
				decree-workday;2025-01-03;Decree;Постановление;Қаулы
				""")).withMessage("test.csv line 2: 2025-01-03 is already listed on line 1");
	}
}
