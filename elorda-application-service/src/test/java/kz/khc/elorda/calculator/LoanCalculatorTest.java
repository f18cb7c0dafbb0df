package kz.khc.elorda.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.byLessThan;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DOMAIN L1 against the slide's table (seed 003) and the model's own arithmetic, without Spring.
 */
class LoanCalculatorTest {

	/** The terms of DOMAIN L1 and the programme, with the 2026 MRP: the defaults of {@link LoanTerms}. */
	static final LoanTerms TERMS = terms(new BigDecimal("4325"), new BigDecimal("2.0"), new BigDecimal("20"));

	/**
	 * The slide prints the first period in tens of tenge (every figure ends in 0), and not always to the nearest ten:
	 * the model's 100,966.67 for 13 M is printed 100,960. So the slide is matched to within one of its steps, less
	 * than 10 tenge; the model's figures are 77,667, 100,967, 116,500, 124,267 and 139,800.
	 */
	@ParameterizedTest(name = "{0} → {1} a month for the first 8 years")
	@CsvSource({ "10000000, 77670", "13000000, 100960", "15000000, 116500", "16000000, 124270",
			"18000000, 139800" })
	void firstPeriodIsTheSlidesToWithinItsRoundingToTens(long amount, long slide) {
		LoanCalculation.Period interim = LoanCalculator.calculate(BigDecimal.valueOf(amount), TERMS).periods().get(0);

		assertThat(interim.months()).isEqualTo(96);
		assertThat(interim.ratePercent()).isEqualByComparingTo("5.0");
		assertThat(interim.monthlyPayment()).isCloseTo(BigDecimal.valueOf(slide), byLessThan(BigDecimal.TEN));
	}

	@Test
	void firstPeriodIsInterestOnTheWholeLoanBy30Over360PlusTheTopUp() {
		// 18 M: 18,000,000 × 5 % / 12 = 75,000 interest, 18,000,000 × 0.36 % = 64,800 top-up
		assertThat(payments(18_000_000)[0]).isEqualTo(139_800);
		// 10 M: 41,666.67 + 36,000 = 77,666.67
		assertThat(payments(10_000_000)[0]).isEqualTo(77_667);
	}

	/**
	 * The model's housing-loan payments, to the tenge, as computed independently of this class (a 50-digit decimal
	 * script of the same model: savings 5,655,059 / 7,351,577 / 8,482,589 / 9,048,095 / 10,179,106 after 96 months).
	 * They differ from the slide's second column by +4.9 %, −1.5 %, −3.1 %, −3.9 % and −5.2 %, where issue 7 asks
	 * for 1 % and DOMAIN L1 says its model comes within about 0.6 %: with the stated terms it does not. The model's
	 * savings are proportional to the loan, while the slide's grow by about 0.49 of the loan plus a fixed 1 M, as a
	 * premium at its cap for every amount would give — which 0.36 % top-ups reach at no amount up to 18 M with the
	 * 2026 MRP. The domain owner decides the model or the terms.
	 */
	@ParameterizedTest(name = "{0} → {1} a month for the next 5 years (slide: {2})")
	@CsvSource({ "10000000, 79627, 75900", "13000000, 103515, 105125", "15000000, 119441, 123244",
			"16000000, 127403, 132540", "18000000, 143329, 151150" })
	void secondPeriodIsTheAnnuityOfTheLoanLessTheSavings(long amount, long model, long slide) {
		LoanCalculation.Period housing = LoanCalculator.calculate(BigDecimal.valueOf(amount), TERMS).periods().get(1);

		assertThat(housing.months()).isEqualTo(60);
		assertThat(housing.ratePercent()).isEqualByComparingTo("3.8");
		assertThat(housing.monthlyPayment()).isEqualByComparingTo(BigDecimal.valueOf(model));
	}

	@Test
	void theLimitsThemselvesAreAcceptedAndATengeOutsideIsRefused() {
		assertThat(LoanCalculator.calculate(new BigDecimal("1000000"), TERMS).amount()).isEqualByComparingTo("1000000");
		assertThat(LoanCalculator.calculate(new BigDecimal("18000000"), TERMS).amount())
			.isEqualByComparingTo("18000000");

		for (String outside : new String[] { "999999", "18000001", "0", "-1000000" }) {
			LoanCalculator.AmountOutOfRange refused = catchThrowableOfType(LoanCalculator.AmountOutOfRange.class,
					() -> LoanCalculator.calculate(new BigDecimal(outside), TERMS));
			assertThat(refused).as(outside).isNotNull();
			assertThat(refused.minimum).isEqualByComparingTo("1000000");
			assertThat(refused.maximum).isEqualByComparingTo("18000000");
		}
	}

	@Test
	void onlyThePaymentsAreRoundedAndHalfUp() {
		// 1,035,000 × (5 %/12 + 0.36 %) = 8,038.5 exactly: half up gives 8,039 where half even would give 8,038
		assertThat(LoanCalculator.interimPayment(new BigDecimal("1035000"), TERMS)).isEqualByComparingTo("8038.5");
		assertThat(payments(1_035_000)[0]).isEqualTo(8_039);
		// the savings are not rounded to tenge on the way
		assertThat(LoanCalculator.savingsAtEndOfInterim(new BigDecimal("10000000"), TERMS).scale()).isPositive();
	}

	@Test
	void withoutInterestAndPremiumTheSavingsAreTheDownPaymentAndTheTopUps() {
		LoanTerms bare = terms(new BigDecimal("4325"), BigDecimal.ZERO, BigDecimal.ZERO);

		// 10 % + 96 × 0.36 % = 44.56 % of the loan
		assertThat(LoanCalculator.savingsAtEndOfInterim(new BigDecimal("18000000"), bare))
			.isEqualByComparingTo("8020800");
	}

	@Test
	void thePremiumIsAFifthOfEachYearsTopUpsAndItsBaseIsCappedAt200Mrp() {
		// 18 M: top-ups 777,600 a year, under 200 × 4,325 = 865,000: 8 × 155,520 on top of 8,020,800
		assertThat(LoanCalculator.savingsAtEndOfInterim(new BigDecimal("18000000"),
				terms(new BigDecimal("4325"), BigDecimal.ZERO, new BigDecimal("20"))))
			.isEqualByComparingTo("9264960");
		// with the 2022 MRP (3,063) the base is capped at 612,600: 8 × 122,520
		assertThat(LoanCalculator.savingsAtEndOfInterim(new BigDecimal("18000000"),
				terms(new BigDecimal("3063"), BigDecimal.ZERO, new BigDecimal("20"))))
			.isEqualByComparingTo("9000960");
	}

	@Test
	void interestAccruesMonthlyOnTheBalanceAndIsCreditedOnceAYear() {
		LoanTerms oneYear = terms(12, new BigDecimal("10"), new BigDecimal("4325"), new BigDecimal("2.0"),
				BigDecimal.ZERO);

		// 12 M: 1,200,000 down payment, 43,200 a month; the balance at the start of month m is 1,200,000 + 43,200·(m−1),
		// so the year's interest is 2 %/12 × (12 × 1,200,000 + 43,200 × 66) = 28,752, credited simply, not compounded
		assertThat(LoanCalculator.savingsAtEndOfInterim(new BigDecimal("12000000"), oneYear))
			.isEqualByComparingTo(new BigDecimal(1_200_000 + 518_400 + 28_752));
	}

	@Test
	void anIncompleteLastYearIsCreditedWhenTheInterimLoanEnds() {
		LoanTerms eighteenMonths = terms(18, new BigDecimal("10"), new BigDecimal("4325"), BigDecimal.ZERO,
				new BigDecimal("20"));

		// 10 M: 1,000,000 + 18 × 36,000 = 1,648,000, premium 20 % of 432,000 and of 216,000
		assertThat(LoanCalculator.savingsAtEndOfInterim(new BigDecimal("10000000"), eighteenMonths))
			.isEqualByComparingTo("1777600");
	}

	@Test
	void theAnnuityIsTheTextbooksAndZeroWhenNothingIsLeftToBorrow() {
		// 1,000,000 over 12 months at 12 % a year: 88,848.79 a month
		assertThat(LoanCalculator.annuity(new BigDecimal("1000000"), new BigDecimal("12"), 12))
			.isCloseTo(new BigDecimal("88848.79"), within(new BigDecimal("0.005")));
		assertThat(LoanCalculator.annuity(new BigDecimal("600000"), BigDecimal.ZERO, 60)).isEqualByComparingTo("10000");
		assertThat(LoanCalculator.annuity(BigDecimal.ZERO, new BigDecimal("3.8"), 60)).isEqualByComparingTo("0");
		assertThat(LoanCalculator.annuity(new BigDecimal("-5"), new BigDecimal("3.8"), 60)).isEqualByComparingTo("0");
	}

	@Test
	void savingsAboveTheLoanLeaveNoHousingLoanToRepay() {
		LoanTerms wholeLoanSaved = terms(96, new BigDecimal("100"), new BigDecimal("4325"), new BigDecimal("2.0"),
				new BigDecimal("20"));

		assertThat(LoanCalculator.calculate(new BigDecimal("5000000"), wholeLoanSaved).periods().get(1)
			.monthlyPayment()).isEqualByComparingTo("0");
	}

	@Test
	void termsThatMakeNoSenseAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoanTerms(new BigDecimal("2000000"),
				new BigDecimal("1000000"), 96, TERMS.interimRatePercent(), TERMS.monthlyTopUpPercent(),
				TERMS.downPaymentPercent(), TERMS.depositRatePercent(), TERMS.statePremiumPercent(),
				TERMS.statePremiumCapMrp(), TERMS.mrp(), 60, TERMS.housingRatePercent()))
			.withMessageContaining("maximum-amount");
		assertThatIllegalArgumentException().isThrownBy(() -> new LoanTerms(TERMS.minimumAmount(),
				TERMS.maximumAmount(), 0, TERMS.interimRatePercent(), TERMS.monthlyTopUpPercent(),
				TERMS.downPaymentPercent(), TERMS.depositRatePercent(), TERMS.statePremiumPercent(),
				TERMS.statePremiumCapMrp(), TERMS.mrp(), 60, TERMS.housingRatePercent()))
			.withMessageContaining("months");
		assertThatIllegalArgumentException().isThrownBy(() -> new LoanTerms(TERMS.minimumAmount(),
				TERMS.maximumAmount(), 96, TERMS.interimRatePercent(), TERMS.monthlyTopUpPercent(),
				TERMS.downPaymentPercent(), new BigDecimal("-2"), TERMS.statePremiumPercent(),
				TERMS.statePremiumCapMrp(), TERMS.mrp(), 60, TERMS.housingRatePercent()))
			.withMessageContaining("deposit-rate-percent");
	}

	private static long[] payments(long amount) {
		LoanCalculation calculation = LoanCalculator.calculate(BigDecimal.valueOf(amount), TERMS);
		return calculation.periods().stream().mapToLong(p -> p.monthlyPayment().longValueExact()).toArray();
	}

	static LoanTerms terms(BigDecimal mrp, BigDecimal depositRatePercent, BigDecimal statePremiumPercent) {
		return terms(96, new BigDecimal("10"), mrp, depositRatePercent, statePremiumPercent);
	}

	/** DOMAIN L1's terms but for those given. */
	static LoanTerms terms(int interimMonths, BigDecimal downPaymentPercent, BigDecimal mrp,
			BigDecimal depositRatePercent, BigDecimal statePremiumPercent) {
		return new LoanTerms(new BigDecimal("1000000"), new BigDecimal("18000000"), interimMonths,
				new BigDecimal("5.0"), new BigDecimal("0.36"), downPaymentPercent, depositRatePercent,
				statePremiumPercent, new BigDecimal("200"), mrp, 60, new BigDecimal("3.8"));
	}
}
