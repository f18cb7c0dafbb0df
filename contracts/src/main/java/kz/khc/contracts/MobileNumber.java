package kz.khc.contracts;

import java.util.Set;

/**
 * A Kazakhstan mobile number in the form {@code +77XXXXXXXXX} (DOMAIN.md, "Kazakhstan specifics"). Accepts the
 * usual ways people type it — {@code +7 701 234 56 78}, {@code 8 (701) 234-56-78}, {@code 87012345678} — and keeps
 * only numbers with a mobile operator code.
 */
public record MobileNumber(String value) {

	private static final Set<String> OPERATOR_CODES = Set.of("700", "701", "702", "705", "706", "707", "708", "747",
			"760", "761", "762", "763", "764", "771", "775", "776", "777", "778", "785");

	public MobileNumber {
		if (value.length() != 12 || !value.startsWith("+7") || !value.substring(1).chars().allMatch(Character::isDigit)
				|| !OPERATOR_CODES.contains(value.substring(2, 5))) {
			throw new IllegalArgumentException("not a Kazakhstan mobile number");
		}
	}

	/** The number as typed, normalized; an {@link IllegalArgumentException} if it is no Kazakhstan mobile number. */
	public static MobileNumber parse(String typed) {
		String digits = typed.replaceAll("[\\s()\\-]", "");
		if (digits.startsWith("+7")) {
			digits = digits.substring(2);
		}
		else if (digits.length() == 11 && (digits.startsWith("8") || digits.startsWith("7"))) {
			digits = digits.substring(1);
		}
		return new MobileNumber("+7" + digits);
	}

	public static boolean isValid(String typed) {
		try {
			parse(typed);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** For logs: {@code +7701*****78}. */
	public String masked() {
		return value.substring(0, 5) + "*****" + value.substring(10);
	}

	@Override
	public String toString() {
		return masked();
	}
}
