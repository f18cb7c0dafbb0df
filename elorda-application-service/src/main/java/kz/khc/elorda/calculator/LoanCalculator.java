package kz.khc.elorda.calculator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The monthly payments of an Elorda Zhastary loan by the reconstructed model of DOMAIN L1 — the bank's own inputs
 * are not public, so this is the model that explains the slide's table (seed 003), not the bank's contract.
 * <ol>
 * <li><b>Interim loan</b> ({@link LoanTerms#interimMonths()}, 8 years): interest only, on the whole loan, at
 * {@link LoanTerms#interimRatePercent()} by 30/360 (every month is a twelfth of the year), plus the mandatory deposit
 * top-up of {@link LoanTerms#monthlyTopUpPercent()} of the loan. The borrower pays both, so both are the payment.</li>
 * <li><b>Savings</b> meanwhile: the deposit starts at the down payment, receives each month's top-up at the end of
 * the month, earns {@link LoanTerms#depositRatePercent()} a year on the balance month by month, credited once every
 * 12 months, and then gets the state premium: {@link LoanTerms#statePremiumPercent()} of that year's top-ups, at
 * most of {@link LoanTerms#statePremiumCapMrp()} MRP of them (the premium law caps the savings it is paid on, so
 * the premium is at most 40 MRP). Interest and premium of an incomplete last year are credited when the interim
 * loan ends. The down payment itself is not new savings: it was saved before the application (DOMAIN E4).</li>
 * <li><b>Housing loan</b> ({@link LoanTerms#housingMonths()}, 5 years): the loan less the savings, repaid as an
 * annuity at {@link LoanTerms#housingRatePercent()} a year, a twelfth of it a month.</li>
 * </ol>
 * <b>Rounding.</b> Everything is computed in {@link MathContext#DECIMAL128} (34 significant digits) without rounding
 * to tenge on the way — not the savings, not the housing loan — so that 96 months of rounded interest cannot add up
 * to a visible error; only the two monthly payments of the answer are rounded, half up, to whole tenge, the unit the
 * bank states payments in.
 * <p>
 * A pure function of the amount and the terms: no clock, no configuration, no state.
 */
final class LoanCalculator {

	private static final MathContext MATH = MathContext.DECIMAL128;
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
	private static final int MONTHS_IN_A_YEAR = 12;

	private LoanCalculator() {
	}

	/**
	 * @throws AmountOutOfRange if the amount is below the terms' minimum or above their maximum (both accepted)
	 */
	static LoanCalculation calculate(BigDecimal amount, LoanTerms terms) {
		if (amount.compareTo(terms.minimumAmount()) < 0 || amount.compareTo(terms.maximumAmount()) > 0) {
			throw new AmountOutOfRange(terms.minimumAmount(), terms.maximumAmount());
		}
		BigDecimal housingLoan = amount.subtract(savingsAtEndOfInterim(amount, terms), MATH).max(BigDecimal.ZERO);
		return new LoanCalculation(amount, List.of(
				new LoanCalculation.Period(terms.interimMonths(), terms.interimRatePercent(),
						tenge(interimPayment(amount, terms))),
				new LoanCalculation.Period(terms.housingMonths(), terms.housingRatePercent(),
						tenge(annuity(housingLoan, terms.housingRatePercent(), terms.housingMonths())))));
	}

	/** Interest on the whole loan for a 30-day month plus the deposit top-up; not rounded. */
	static BigDecimal interimPayment(BigDecimal amount, LoanTerms terms) {
		return monthly(amount, terms.interimRatePercent()).add(topUp(amount, terms), MATH);
	}

	/** The deposit when the interim loan ends, with every year's interest and premium credited; not rounded. */
	static BigDecimal savingsAtEndOfInterim(BigDecimal amount, LoanTerms terms) {
		BigDecimal topUp = topUp(amount, terms);
		BigDecimal savings = share(amount, terms.downPaymentPercent());
		BigDecimal interest = BigDecimal.ZERO;
		BigDecimal newSavings = BigDecimal.ZERO;
		for (int month = 1; month <= terms.interimMonths(); month++) {
			// the month's interest is on the balance it started with: the top-up arrives with the month's payment
			interest = interest.add(monthly(savings, terms.depositRatePercent()), MATH);
			savings = savings.add(topUp, MATH);
			newSavings = newSavings.add(topUp, MATH);
			if (month % MONTHS_IN_A_YEAR == 0 || month == terms.interimMonths()) {
				BigDecimal premium = share(newSavings.min(terms.statePremiumCap()), terms.statePremiumPercent());
				savings = savings.add(interest, MATH).add(premium, MATH);
				interest = BigDecimal.ZERO;
				newSavings = BigDecimal.ZERO;
			}
		}
		return savings;
	}

	/** The level monthly payment that repays {@code principal} in {@code months} at the yearly rate; not rounded. */
	static BigDecimal annuity(BigDecimal principal, BigDecimal yearlyRatePercent, int months) {
		if (principal.signum() <= 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal rate = yearlyRatePercent.divide(HUNDRED, MATH).divide(TWELVE, MATH);
		if (rate.signum() == 0) {
			return principal.divide(BigDecimal.valueOf(months), MATH);
		}
		BigDecimal growth = BigDecimal.ONE.add(rate, MATH).pow(months, MATH);
		return principal.multiply(rate, MATH).multiply(growth, MATH).divide(growth.subtract(BigDecimal.ONE, MATH), MATH);
	}

	private static BigDecimal topUp(BigDecimal amount, LoanTerms terms) {
		return share(amount, terms.monthlyTopUpPercent());
	}

	/** A twelfth of a yearly rate on {@code base}: one month by 30/360. */
	private static BigDecimal monthly(BigDecimal base, BigDecimal yearlyRatePercent) {
		return share(base, yearlyRatePercent).divide(TWELVE, MATH);
	}

	private static BigDecimal share(BigDecimal base, BigDecimal percent) {
		return base.multiply(percent, MATH).divide(HUNDRED, MATH);
	}

	/** The only rounding of the model: half up to whole tenge. */
	private static BigDecimal tenge(BigDecimal amount) {
		return amount.setScale(0, RoundingMode.HALF_UP);
	}

	/** The amount asked for is outside the terms' limits; both limits themselves are accepted. */
	static final class AmountOutOfRange extends RuntimeException {

		final BigDecimal minimum;
		final BigDecimal maximum;

		AmountOutOfRange(BigDecimal minimum, BigDecimal maximum) {
			super("the loan amount must be between " + minimum.toPlainString() + " and " + maximum.toPlainString(),
					null, false, false);
			this.minimum = minimum;
			this.maximum = maximum;
		}
	}
}
