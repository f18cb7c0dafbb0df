package kz.khc.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BinTest {

	/** Check digits worked out by hand with the weights 1…11. */
	@ParameterizedTest
	@ValueSource(strings = { "090440001236", "181240012345", "051140004562" })
	void aRegisteredEntitysNumberIsValid(String bin) {
		assertThat(Bin.isValid(bin)).isTrue();
		assertThat(new Bin(bin).value()).isEqualTo(bin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "090440001235", // wrong check digit
			"091340001235", // month 13, check digit right
			"090430001231", // a person's century digit where the entity kind goes, check digit right
			"09044000123", "0904400012366", "09044000123A", "" })
	void anythingElseIsNot(String bin) {
		assertThat(Bin.isValid(bin)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Bin(bin));
	}
}
