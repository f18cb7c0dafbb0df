package kz.khc.elorda.calculator;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The loan terms the calculator applies (DOMAIN L1, seed 003), under {@code elorda.loan}. The defaults are the
 * programme's published terms; nothing in {@code application.yml} needs to name them, and an environment variable
 * ({@code ELORDA_LOAN_MRP=…}) overrides one. Until programme editions carry their own terms (issue 7 point 1) these
 * are the only ones. Percentages are per cent ({@code 5.0} is 5 %), amounts are tenge.
 *
 * @param minimumAmount the smallest loan the calculator answers for (the suite's decision: 1,000,000)
 * @param maximumAmount the largest loan of the programme (18,000,000)
 * @param interimMonths length of the first period, the interim loan (8 years)
 * @param interimRatePercent yearly rate of the interim loan, charged on the whole loan, 30/360
 * @param monthlyTopUpPercent the mandatory monthly deposit top-up during the interim loan, as a share of the loan
 * @param downPaymentPercent the deposit the borrower starts with, as a share of the loan (DOMAIN E4)
 * @param depositRatePercent yearly interest on the deposit, capitalised once a year
 * @param statePremiumPercent the state premium on each year's new savings
 * @param statePremiumCapMrp the year's new savings the premium is paid on are capped at this many MRP
 * @param mrp the monthly calculation index in tenge (4,325 by the republican budget law for 2026)
 * @param housingMonths length of the second period, the housing loan, repaid as an annuity
 * @param housingRatePercent yearly rate of the housing loan
 */
@ConfigurationProperties("elorda.loan")
record LoanTerms(@DefaultValue("1000000") BigDecimal minimumAmount, @DefaultValue("18000000") BigDecimal maximumAmount,
		@DefaultValue("96") int interimMonths, @DefaultValue("5.0") BigDecimal interimRatePercent,
		@DefaultValue("0.36") BigDecimal monthlyTopUpPercent, @DefaultValue("10") BigDecimal downPaymentPercent,
		@DefaultValue("2.0") BigDecimal depositRatePercent, @DefaultValue("20") BigDecimal statePremiumPercent,
		@DefaultValue("200") BigDecimal statePremiumCapMrp, @DefaultValue("4325") BigDecimal mrp,
		@DefaultValue("60") int housingMonths, @DefaultValue("3.8") BigDecimal housingRatePercent) {

	/** Terms that make no sense stop the service at startup rather than give citizens a wrong figure. */
	LoanTerms {
		positive("minimum-amount", minimumAmount);
		if (maximumAmount.compareTo(minimumAmount) < 0) {
			throw new IllegalArgumentException("elorda.loan.maximum-amount must not be below minimum-amount");
		}
		if (interimMonths < 1 || housingMonths < 1) {
			throw new IllegalArgumentException("elorda.loan.interim-months and housing-months must be at least 1");
		}
		notNegative("interim-rate-percent", interimRatePercent);
		notNegative("monthly-top-up-percent", monthlyTopUpPercent);
		notNegative("down-payment-percent", downPaymentPercent);
		notNegative("deposit-rate-percent", depositRatePercent);
		notNegative("state-premium-percent", statePremiumPercent);
		notNegative("state-premium-cap-mrp", statePremiumCapMrp);
		notNegative("mrp", mrp);
		notNegative("housing-rate-percent", housingRatePercent);
	}

	/** The most new savings in a year that earn the state premium, in tenge. */
	BigDecimal statePremiumCap() {
		return statePremiumCapMrp.multiply(mrp);
	}

	private static void positive(String name, BigDecimal value) {
		if (value.signum() <= 0) {
			throw new IllegalArgumentException("elorda.loan." + name + " must be positive");
		}
	}

	private static void notNegative(String name, BigDecimal value) {
		if (value.signum() < 0) {
			throw new IllegalArgumentException("elorda.loan." + name + " must not be negative");
		}
	}
}
