package kz.khc.deploy.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Every certificate the demo CA issued and whether it is revoked, in OpenSSL's {@code index.txt} format (one
 * certificate a line: {@code V} valid or {@code R} revoked, the expiry, the revocation time, the serial in hex,
 * {@code unknown}, the subject), so that revocations outlive a restart and {@code openssl ocsp -index} could read it.
 */
final class CertificateIndex {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

	private final Path file;
	private final Map<BigInteger, Entry> entries = new LinkedHashMap<>();

	/**
	 * @param revokedAt null while the certificate is valid
	 */
	record Entry(BigInteger serial, Instant notAfter, @Nullable Instant revokedAt, String subject) {

		String line() {
			return String.join("\t", revokedAt == null ? "V" : "R", TIME.format(notAfter),
					revokedAt == null ? "" : TIME.format(revokedAt), serial.toString(16).toUpperCase(), "unknown",
					subject);
		}

		static Entry parse(String line) {
			String[] fields = line.split("\t", -1);
			if (fields.length != 6) {
				throw new IllegalArgumentException("not an index line: " + line);
			}
			return new Entry(new BigInteger(fields[3], 16), instant(fields[1]),
					fields[2].isEmpty() ? null : instant(fields[2]), fields[5]);
		}

		private static Instant instant(String time) {
			return TIME.parse(time, Instant::from);
		}
	}

	private CertificateIndex(Path file) {
		this.file = file;
	}

	static CertificateIndex open(Path file) throws IOException {
		var index = new CertificateIndex(file);
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					Entry entry = Entry.parse(line);
					index.entries.put(entry.serial(), entry);
				}
			}
		}
		return index;
	}

	synchronized Optional<Entry> find(BigInteger serial) {
		return Optional.ofNullable(entries.get(serial));
	}

	synchronized List<Entry> revoked() {
		return entries.values().stream().filter(entry -> entry.revokedAt() != null).toList();
	}

	synchronized void issued(BigInteger serial, Instant notAfter, String subject) {
		Entry entry = new Entry(serial, notAfter, null, subject);
		entries.put(serial, entry);
		try {
			Files.writeString(file, entry.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Marks the certificate revoked (once: a second revocation keeps the first time). */
	synchronized Entry revoke(BigInteger serial, Instant at) {
		Entry entry = entries.get(serial);
		if (entry == null) {
			throw new IllegalArgumentException("the demo CA did not issue serial " + serial.toString(16));
		}
		if (entry.revokedAt() != null) {
			return entry;
		}
		Entry revoked = new Entry(serial, entry.notAfter(), at, entry.subject());
		entries.put(serial, revoked);
		List<String> lines = new ArrayList<>();
		entries.values().forEach(each -> lines.add(each.line()));
		DemoCa.writeAtomically(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		return revoked;
	}
}
