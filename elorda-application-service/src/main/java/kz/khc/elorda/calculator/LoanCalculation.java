package kz.khc.elorda.calculator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The calculator's answer: the loan amount and, for each period in order, its length, its yearly rate and the
 * monthly payment in whole tenge.
 */
record LoanCalculation(BigDecimal amount, List<Period> periods) {

	LoanCalculation {
		periods = List.copyOf(periods);
	}

	/**
	 * @param months how long the period lasts
	 * @param ratePercent the loan's yearly rate in that period, per cent
	 * @param monthlyPayment what the borrower pays each month, whole tenge
	 */
	record Period(int months, BigDecimal ratePercent, BigDecimal monthlyPayment) {
	}
}
