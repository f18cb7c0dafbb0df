package kz.khc.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

	@Test
	void acceptsTheExampleFromSeed000() {
		Iin iin = new Iin("651106450323");

		assertThat(iin.birthDate()).isEqualTo(LocalDate.of(1965, 11, 6));
		assertThat(iin.male()).isFalse();
	}

	@Test
	void centuryDigitGivesCenturyAndSex() {
		assertThat(new Iin(withCheckDigit("00010250123")).birthDate()).isEqualTo(LocalDate.of(2000, 1, 2));
		assertThat(new Iin(withCheckDigit("00010250123")).male()).isTrue();
		assertThat(new Iin(withCheckDigit("99123120123")).birthDate()).isEqualTo(LocalDate.of(1899, 12, 31));
	}

	@Test
	void usesTheSecondWeightsWhenTheFirstSumGivesTen() {
		String digits = firstSumTen();

		assertThat(Iin.checkDigit(digits)).isBetween(0, 9);
		assertThat(Iin.isValid(withCheckDigit(digits))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "651106450324", "65110645032", "6511064503231", "65110645032a", "651306450323",
			"651106750323", "" })
	void rejectsWrongCheckDigitLengthDateOrCentury(String value) {
		assertThat(Iin.isValid(value)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Iin(value));
	}

	@Test
	void masksForLogs() {
		assertThat(new Iin("651106450323")).hasToString("65********23");
	}

	private static String withCheckDigit(String eleven) {
		return eleven + Iin.checkDigit(eleven);
	}

	/** Finds 11 digits, a valid date, whose first weighted sum is 10 mod 11 and whose second is not. */
	private static String firstSumTen() {
		for (int serial = 0; serial < 10_000; serial++) {
			String digits = "900101" + "3" + String.format("%04d", serial);
			int first = 0;
			for (int i = 0; i < 11; i++) {
				first += (digits.charAt(i) - '0') * (i + 1);
			}
			if (first % 11 == 10 && Iin.checkDigit(digits) != -1) {
				return digits;
			}
		}
		throw new AssertionError("no such serial");
	}
}
