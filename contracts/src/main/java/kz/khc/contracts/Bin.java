package kz.khc.contracts;

/**
 * Business identification number of Kazakhstan: 12 digits — the year and month of registration (YYMM), the kind of
 * entity (4 a resident legal entity, 5 a non-resident one, 6 an individual entrepreneur's joint venture), a further
 * attribute, five serial digits and the IIN's check digit (DOMAIN.md, "Kazakhstan specifics": "BIN uses the same
 * check digit").
 */
public record Bin(String value) {

	public Bin {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid BIN");
		}
	}

	public static boolean isValid(String value) {
		if (value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		int month = Integer.parseInt(value.substring(2, 4));
		char kind = value.charAt(4);
		int check = Iin.checkDigit(value);
		return month >= 1 && month <= 12 && kind >= '4' && kind <= '6' && check != -1 && check == value.charAt(11) - '0';
	}

	@Override
	public String toString() {
		return value; // an organisation's number is public
	}
}
