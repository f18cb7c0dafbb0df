package kz.khc.elorda.documents;

import org.jspecify.annotations.Nullable;

/**
 * A file's name as the client gave it, made safe to show and to offer for saving: no folders, no control or
 * direction-changing characters (a right-to-left override makes {@code exe.pdf} of {@code fdp.exe}), none that file
 * systems refuse, and not too long. It is never used to tell the format.
 */
final class FileNames {

	static final int MAX_LENGTH = 120;
	static final String NONE = "document";

	private FileNames() {
	}

	static String sanitize(@Nullable String given) {
		if (given == null) {
			return NONE;
		}
		String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
			.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "")
			.replaceAll("[\"*:<>?|]", "_")
			.strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
		}
		return name.isBlank() ? NONE : name;
	}
}
