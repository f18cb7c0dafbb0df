package kz.khc.elorda.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The {@code elorda.loan} binding on its own (the binder, no application context): with nothing configured the
 * terms are DOMAIN L1's and the programme's, and each can be overridden.
 */
class LoanTermsTest {

	@Test
	void withNothingConfiguredTheTermsAreTheProgrammes() {
		LoanTerms terms = bind(Map.of());

		assertThat(terms).usingRecursiveComparison()
			.withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
			.isEqualTo(LoanCalculatorTest.TERMS);
		assertThat(terms.statePremiumCap()).isEqualByComparingTo("865000");
	}

	@Test
	void eachTermCanBeOverridden() {
		LoanTerms terms = bind(Map.of("elorda.loan.mrp", "3932", "elorda.loan.minimum-amount", "1800000"));

		assertThat(terms.mrp()).isEqualByComparingTo("3932");
		assertThat(terms.minimumAmount()).isEqualByComparingTo("1800000");
		assertThat(terms.maximumAmount()).isEqualByComparingTo("18000000");
	}

	@Test
	void termsThatMakeNoSenseStopTheBinding() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("elorda.loan.maximum-amount", "500000")))
			.havingRootCause()
			.withMessageContaining("maximum-amount");
	}

	private static LoanTerms bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("elorda.loan", LoanTerms.class);
	}
}
