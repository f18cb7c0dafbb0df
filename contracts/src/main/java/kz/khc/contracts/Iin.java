package kz.khc.contracts;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Individual identification number of Kazakhstan: 12 digits — birth date YYMMDD, a century-and-sex digit,
 * four serial digits and a check digit (DOMAIN.md, "Kazakhstan specifics").
 */
public record Iin(String value) {

	private static final int[] FIRST_WEIGHTS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	private static final int[] SECOND_WEIGHTS = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

	public Iin {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid IIN");
		}
	}

	public static boolean isValid(String value) {
		if (value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		int check = checkDigit(value);
		return check != -1 && check == value.charAt(11) - '0' && birthDate(value).isPresent();
	}

	/**
	 * The IIN these 11 digits make with their check digit, if they have one (for test and demo data; a real IIN is
	 * given, not made).
	 */
	public static Optional<String> completed(String eleven) {
		int check = checkDigit(eleven);
		return check == -1 ? Optional.empty() : Optional.of(eleven + check);
	}

	/** The check digit of the first 11 digits, or -1 when no check digit exists (the number is invalid). */
	static int checkDigit(String digits) {
		int first = weightedSum(digits, FIRST_WEIGHTS) % 11;
		if (first != 10) {
			return first;
		}
		int second = weightedSum(digits, SECOND_WEIGHTS) % 11;
		return second == 10 ? -1 : second;
	}

	private static int weightedSum(String digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += (digits.charAt(i) - '0') * weights[i];
		}
		return sum;
	}

	public LocalDate birthDate() {
		return birthDate(value).orElseThrow();
	}

	/** {@code true} for the odd century digits 1, 3, 5. */
	public boolean male() {
		return (value.charAt(6) - '0') % 2 == 1;
	}

	private static Optional<LocalDate> birthDate(String value) {
		int centuryDigit = value.charAt(6) - '0';
		if (centuryDigit < 1 || centuryDigit > 6) {
			return Optional.empty();
		}
		int century = 1800 + (centuryDigit - 1) / 2 * 100;
		try {
			return Optional.of(LocalDate.of(century + Integer.parseInt(value.substring(0, 2)),
					Integer.parseInt(value.substring(2, 4)), Integer.parseInt(value.substring(4, 6))));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The IIN with all but the first two and last two digits hidden, for logs. */
	public String masked() {
		return value.substring(0, 2) + "********" + value.substring(10);
	}

	@Override
	public String toString() {
		return masked();
	}
}
