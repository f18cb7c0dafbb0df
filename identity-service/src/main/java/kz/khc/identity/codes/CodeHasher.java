package kz.khc.identity.codes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes codes and their keyed hashes. The hash binds the code to its challenge, so a hash copied to another
 * challenge is worthless, and without the key the 10⁶ codes cannot be tried offline.
 */
final class CodeHasher {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	CodeHasher(String secret) {
		if (secret.length() < 32) {
			throw new IllegalArgumentException("identity.codes.secret must have at least 32 characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	static String newCode() {
		return "%06d".formatted(RANDOM.nextInt(1_000_000));
	}

	byte[] hash(UUID challenge, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal((challenge + ":" + code).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** Constant time: how much of a wrong code was right does not show in the time the answer takes. */
	boolean matches(UUID challenge, String typed, byte[] expected) {
		return MessageDigest.isEqual(hash(challenge, typed), expected);
	}
}
