package kz.khc.notification.messages;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The SMS provider's HTTP API, in the style of Kazakhstan's bulk-SMS providers (Mobizon's
 * {@code service/message/sendSmsMessage}): a JSON request, and an answer whose {@code code} is 0 when the message
 * was taken. Delivery receipts come back later to {@link ReceiptController}.
 */
interface SmsProviderClient {

	@PostExchange(url = "/service/message/sendsmsmessage", contentType = "application/json",
			accept = "application/json")
	SendResult send(@RequestBody SendRequest request);

	/**
	 * @param recipient the number without the plus: {@code 77011234567}
	 * @param from the registered sender name
	 */
	record SendRequest(String recipient, String from, String text, Params params) {
	}

	/**
	 * @param name our message id, which the provider keeps and uses to drop a repeat of the same message
	 * @param validity minutes the operator keeps trying to reach the phone
	 */
	record Params(String name, int validity) {
	}

	/** {@code code} 0: taken; 1: the request was invalid (a bad number or text); others: the provider's trouble. */
	record SendResult(int code, @Nullable Data data, @Nullable String message) {
	}

	record Data(@Nullable String messageId, @Nullable String campaignId) {
	}
}
