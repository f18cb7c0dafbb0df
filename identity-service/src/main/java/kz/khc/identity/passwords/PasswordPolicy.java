package kz.khc.identity.passwords;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * DOMAIN I2: at least 8 characters with a lowercase and an uppercase letter (Latin or Cyrillic, Kazakh letters
 * included), a digit and a symbol; typed twice, the same both times. Beyond the rule, a password may not contain the
 * person's IIN or account number, which others may know.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	/** What a password breaks, each a key of a localized message ({@code password.<rule>}). */
	public enum Violation {
		TOO_SHORT, NO_LOWERCASE, NO_UPPERCASE, NO_DIGIT, NO_SYMBOL, NOT_THE_SAME_TWICE, CONTAINS_IIN,
		CONTAINS_ACCOUNT_NUMBER, WHITESPACE_AT_ENDS
	}

	private PasswordPolicy() {
	}

	/** Every rule the password breaks, in the order the form shows them; empty if it is acceptable. */
	public static List<Violation> check(String password, String repeated, @Nullable String iin,
			@Nullable String accountNumber) {
		List<Violation> violations = new ArrayList<>();
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			violations.add(Violation.TOO_SHORT);
		}
		if (password.codePoints().noneMatch(Character::isLowerCase)) {
			violations.add(Violation.NO_LOWERCASE);
		}
		if (password.codePoints().noneMatch(Character::isUpperCase)) {
			violations.add(Violation.NO_UPPERCASE);
		}
		if (password.codePoints().noneMatch(Character::isDigit)) {
			violations.add(Violation.NO_DIGIT);
		}
		if (password.codePoints().noneMatch(PasswordPolicy::symbol)) {
			violations.add(Violation.NO_SYMBOL);
		}
		if (!password.equals(password.strip())) {
			violations.add(Violation.WHITESPACE_AT_ENDS);
		}
		if (iin != null && !iin.isEmpty() && password.contains(iin)) {
			violations.add(Violation.CONTAINS_IIN);
		}
		if (accountNumber != null && !accountNumber.isEmpty() && password.contains(accountNumber)) {
			violations.add(Violation.CONTAINS_ACCOUNT_NUMBER);
		}
		if (!password.equals(repeated)) {
			violations.add(Violation.NOT_THE_SAME_TWICE);
		}
		return violations;
	}

	private static boolean symbol(int codePoint) {
		return !Character.isLetterOrDigit(codePoint) && !Character.isWhitespace(codePoint)
				&& !Character.isISOControl(codePoint);
	}
}
