package kz.khc.scoring.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004: the same engine with another programme's file — a depositor criterion and three banded indicators,
 * where a shared boundary goes to the upper band.
 */
class QoljetimdiBaspanaRulesTest {

	@ParameterizedTest(name = "{0} months, {1} %, indicator {2}: {3} + {4} + {5}")
	@CsvSource({ "8, 12.4, 0.99, 0, 0, 0", "9, 12.5, 1, 5, 5, 30", "17, 24.99, 1.99, 5, 5, 30",
			"18, 25, 2, 10, 10, 70", "27, 37, 3, 20, 20, 70", "28, 50, 2, 20, 20, 70", "36, 50.01, 2, 20, 30, 70",
			"37, 80, 2, 30, 30, 70" })
	void eachIndicatorScoresItsHighestBandReached(int months, String share, String indicator, int q1, int q2, int q3) {
		Applicant depositor = new Applicant();
		depositor.submitted = LocalDate.of(2020, 2, 20);
		depositor.savings = new Facts.Savings(months, new BigDecimal(share), new BigDecimal(indicator));
		Assessment assessment = new RuleEngine().assess("qoljetimdi-baspana-2020", depositor.facts(), Locale.of("kk"));

		assertThat(assessment.criteria()).singleElement().satisfies(criterion -> {
			assertThat(criterion.code()).isEqualTo("DEPOSITOR");
			assertThat(criterion.passed()).isTrue();
		});
		assertThat(assessment.breakdown()).extracting(Assessment.Points::points).containsExactly(q1, q2, q3);
		assertThat(assessment.points()).isEqualTo(q1 + q2 + q3);
	}
}
