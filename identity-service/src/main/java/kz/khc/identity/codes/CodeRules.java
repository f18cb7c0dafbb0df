package kz.khc.identity.codes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules of one-time codes.
 *
 * @param secret the key of the codes' HMAC; a code is stored only as {@code HMAC(secret, challenge id ":" code)}
 * @param validFor how long a code works after it was sent
 * @param maxTries wrong entries a code survives; the next entry is refused even if right
 * @param resendAfter how long after a code the next one may be sent
 * @param perPhonePerHour codes sent to one phone in an hour
 * @param perIinPerHour codes asked for one IIN in an hour
 * @param perAddressPerHour codes asked from one client address in an hour
 */
@ConfigurationProperties("identity.codes")
public record CodeRules(String secret, Duration validFor, int maxTries, Duration resendAfter, int perPhonePerHour,
		int perIinPerHour, int perAddressPerHour) {

	public static final int DIGITS = 6;
}
