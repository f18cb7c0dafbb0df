package kz.khc.identity.suite;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/** notification-service's internal API: a one-time code by SMS, taken by the provider within a second or refused. */
interface NotificationClient {

	@PostExchange("/internal/notifications/v1/one-time-codes")
	void sendCode(@RequestBody CodeRequest request);

	/**
	 * @param code never logged: {@link #toString()} leaves it out
	 */
	record CodeRequest(String mobile, String code, String purpose, String language, @Nullable String personId) {

		@Override
		public String toString() {
			return "CodeRequest[purpose=" + purpose + "]";
		}
	}
}
