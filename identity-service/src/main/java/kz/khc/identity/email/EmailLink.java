package kz.khc.identity.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token in a confirmation link: the request's id and an HMAC-SHA256 over the id, the address and the expiry, so
 * that a changed id, address or date is refused without a database lookup of anything the token claims.
 */
final class EmailLink {

	private final byte[] key;

	EmailLink(String secret) {
		this.key = secret.getBytes(StandardCharsets.UTF_8);
	}

	String token(UUID id, String email, Instant expiresAt) {
		return id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(id, email, expiresAt));
	}

	/** The id the token names, if it has the shape of one; whether it is genuine is {@link #genuine}'s to say. */
	static Optional<UUID> idOf(String token) {
		int dot = token.indexOf('.');
		try {
			return dot == 36 ? Optional.of(UUID.fromString(token.substring(0, dot))) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Compared in constant time. */
	boolean genuine(String token, UUID id, String email, Instant expiresAt) {
		byte[] typed;
		try {
			typed = Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(typed, mac(id, email, expiresAt));
	}

	private byte[] mac(UUID id, String email, Instant expiresAt) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal((id + "|" + email + "|" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/**
	 * @param linkBaseUrl the portal's confirmation page; {@code ?token=…} is appended
	 * @param validFor how long a link works (DOMAIN I4: 24 hours)
	 * @param secret the HMAC key; never logged
	 */
	@ConfigurationProperties("identity.email")
	record Settings(String linkBaseUrl, Duration validFor, String secret) {

		@Override
		public String toString() {
			return "Settings[linkBaseUrl=" + linkBaseUrl + ", validFor=" + validFor + "]";
		}
	}
}
