package kz.khc.identity.passwords;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static kz.khc.identity.passwords.PasswordPolicy.Violation.CONTAINS_ACCOUNT_NUMBER;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.CONTAINS_IIN;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.NOT_THE_SAME_TWICE;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.NO_DIGIT;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.NO_LOWERCASE;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.NO_SYMBOL;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.NO_UPPERCASE;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.TOO_SHORT;
import static kz.khc.identity.passwords.PasswordPolicy.Violation.WHITESPACE_AT_ENDS;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN I2 at its edges. */
class PasswordPolicyTest {

	static final String IIN = "651106450323";
	static final String ACCOUNT = "110000101182";

	@ParameterizedTest
	@ValueSource(strings = { "Aa1!aaaa", "Пароль1!", "Құпия-сөз9", "aB3$5678", "Xx9?xxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
	void acceptsEightOrMoreWithEveryKindOfCharacter(String password) {
		assertThat(PasswordPolicy.check(password, password, IIN, ACCOUNT)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Aa1!aaa|TOO_SHORT", "AA1!AAAA|NO_LOWERCASE", "aa1!aaaa|NO_UPPERCASE", "Aa!!aaaa|NO_DIGIT",
			"Aa11aaaa|NO_SYMBOL", "ПАРОЛЬ1!|NO_LOWERCASE", "' Aa1!aaaa'|WHITESPACE_AT_ENDS" })
	void refusesEachMissingKindOnItsOwn(String password, PasswordPolicy.Violation expected) {
		assertThat(PasswordPolicy.check(password, password, IIN, ACCOUNT)).containsExactly(expected);
	}

	@Test
	void sevenCharactersAreTooFewEightAreEnough() {
		assertThat(PasswordPolicy.check("Aa1!aaa", "Aa1!aaa", null, null)).containsExactly(TOO_SHORT);
		assertThat(PasswordPolicy.check("Aa1!aaaa", "Aa1!aaaa", null, null)).isEmpty();
		// a Kazakh letter outside the basic plane counts once, like any other
		assertThat(PasswordPolicy.check("Әә1!әәәә", "Әә1!әәәә", null, null)).isEmpty();
	}

	@Test
	void bothEntriesMustBeTheSame() {
		assertThat(PasswordPolicy.check("Aa1!aaaa", "Aa1!aaab", IIN, ACCOUNT)).containsExactly(NOT_THE_SAME_TWICE);
	}

	@Test
	void refusesThePersonsIinOrAccountNumberInside() {
		assertThat(PasswordPolicy.check("Aa!" + IIN, "Aa!" + IIN, IIN, ACCOUNT)).containsExactly(CONTAINS_IIN);
		assertThat(PasswordPolicy.check(ACCOUNT + "aA!", ACCOUNT + "aA!", IIN, ACCOUNT))
			.containsExactly(CONTAINS_ACCOUNT_NUMBER);
	}

	@Test
	void listsEveryRuleAnEmptyPasswordBreaks() {
		assertThat(PasswordPolicy.check("", "x", IIN, ACCOUNT)).containsExactly(TOO_SHORT, NO_LOWERCASE, NO_UPPERCASE,
				NO_DIGIT, NO_SYMBOL, NOT_THE_SAME_TWICE);
	}
}
