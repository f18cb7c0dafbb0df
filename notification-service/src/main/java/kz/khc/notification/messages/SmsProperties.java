package kz.khc.notification.messages;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS provider's API.
 *
 * @param apiKey sent in the {@code X-API-Key} header, never in a URL (URLs end up in logs)
 * @param sender the alphanumeric sender name registered with the operators
 * @param readTimeout how long a queued message's request may take
 * @param urgentReadTimeout how long one attempt to send a one-time code may take
 * @param maxSegments the most SMS parts a text may take; longer texts are cut at a word
 * @param receiptToken the secret the provider sends with each delivery receipt
 */
@ConfigurationProperties("notifications.sms")
record SmsProperties(String baseUrl, String apiKey, String sender, Duration connectTimeout, Duration readTimeout,
		Duration urgentReadTimeout, int maxSegments, String receiptToken) {
}
