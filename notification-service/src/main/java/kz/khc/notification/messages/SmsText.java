package kz.khc.notification.messages;

/**
 * How many SMS parts a text takes. A text of GSM 03.38 characters only takes 160 per SMS (153 per part when
 * split); any other character — Cyrillic, Kazakh letters — makes the whole text UCS-2: 70 per SMS, 67 per part.
 * Characters of the GSM extension table ({@code € [ ] { } \ ~ ^ |} and form feed) count twice.
 */
final class SmsText {

	private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

	private SmsText() {
	}

	static boolean gsm7(String text) {
		return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
	}

	/** Length in the text's encoding: septets for GSM-7 (extension characters count two), UTF-16 units for UCS-2. */
	static int units(String text) {
		if (!gsm7(text)) {
			return text.length();
		}
		return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
	}

	static int parts(String text) {
		int units = units(text);
		boolean gsm = gsm7(text);
		int single = gsm ? 160 : 70;
		int perPart = gsm ? 153 : 67;
		return units <= single ? 1 : (units + perPart - 1) / perPart;
	}

	/** The text, cut at a word and ended with an ellipsis if it would take more than {@code maxParts}. */
	static String fit(String text, int maxParts) {
		if (parts(text) <= maxParts) {
			return text;
		}
		String cut = text;
		while (!cut.isEmpty() && parts(cut + "…") > maxParts) {
			int space = cut.lastIndexOf(' ');
			cut = space > 0 ? cut.substring(0, space) : cut.substring(0, cut.length() - 1);
		}
		return cut + "…";
	}
}
