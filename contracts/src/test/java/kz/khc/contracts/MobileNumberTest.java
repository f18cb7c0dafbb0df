package kz.khc.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "+77012345678", "+7 701 234 56 78", "8 (701) 234-56-78", "87012345678", "77012345678",
			"7012345678" })
	void normalizesTheUsualWaysOfTypingIt(String typed) {
		assertThat(MobileNumber.parse(typed).value()).isEqualTo("+77012345678");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+77002345678", "+77022345678", "+77472345678", "+77602345678", "+77642345678",
			"+77712345678", "+77752345678", "+77782345678", "+77852345678" })
	void acceptsEveryOperatorCodeAtTheEdgesOfItsRanges(String number) {
		assertThat(MobileNumber.isValid(number)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+77032345678", "+77092345678", "+77172345678", "+77652345678", "+77792345678",
			"+7701234567", "+770123456789", "+7701234567a", "+87012345678", "" })
	void rejectsLandlinesUnknownCodesAndWrongLengths(String number) {
		assertThat(MobileNumber.isValid(number)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> MobileNumber.parse(number));
	}

	@ParameterizedTest
	@ValueSource(strings = { "+77012345678" })
	void masksForLogs(String number) {
		assertThat(MobileNumber.parse(number)).hasToString("+7701*****78");
	}
}
