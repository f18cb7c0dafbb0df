package kz.khc.notification.messages;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Sends SMS through the provider, behind the {@code sms} circuit breaker. Queued messages wait for a slow provider
 * up to the configured read timeout; a one-time code must be taken within its deadline or fail at once.
 */
@Component
public class SmsProvider {

	static final int VALIDITY_MINUTES = 24 * 60;
	static final int ONE_TIME_CODE_VALIDITY_MINUTES = 5;

	private final SmsProviderClient queued;
	private final SmsProviderClient urgent;
	private final Duration urgentAttemptTimeout;
	private final SmsProperties properties;
	private final CircuitBreaker breaker;

	SmsProvider(RestClient.Builder http, SmsProperties properties, ProviderBreakers breakers) {
		this.properties = properties;
		this.breaker = breakers.sms();
		this.urgentAttemptTimeout = properties.urgentReadTimeout();
		this.queued = client(http, properties, properties.readTimeout());
		this.urgent = client(http, properties, properties.urgentReadTimeout());
	}

	private static SmsProviderClient client(RestClient.Builder http, SmsProperties properties, Duration readTimeout) {
		HttpClient jdk = HttpClient.newBuilder()
			// no attempt to upgrade a plain-HTTP connection to HTTP/2, which some servers answer by closing it
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(jdk);
		requests.setReadTimeout(readTimeout);
		RestClient rest = http.clone()
			.baseUrl(properties.baseUrl())
			.requestFactory(requests)
			.defaultHeader("X-API-Key", properties.apiKey())
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
			.build()
			.createClient(SmsProviderClient.class);
	}

	/** Sends a queued message; returns the provider's message id. */
	String send(UUID messageId, String to, String text) {
		return breaker.executeSupplier(() -> call(queued, messageId, to, text, VALIDITY_MINUTES));
	}

	/**
	 * Sends a one-time code now: attempts while the deadline leaves room for one more, then gives up with a
	 * {@link DeliveryFailure}. Returns the provider's message id.
	 */
	public String sendNow(UUID messageId, String to, String text, Duration deadline) {
		long end = System.nanoTime() + deadline.toNanos();
		while (true) {
			try {
				return breaker.executeSupplier(
						() -> call(urgent, messageId, to, text, ONE_TIME_CODE_VALIDITY_MINUTES));
			}
			catch (CallNotPermittedException ex) {
				throw new DeliveryFailure("the SMS provider is unavailable (circuit open)", false, ex);
			}
			catch (DeliveryFailure ex) {
				if (ex.permanent() || System.nanoTime() + urgentAttemptTimeout.toNanos() > end) {
					throw ex;
				}
			}
		}
	}

	private String call(SmsProviderClient client, UUID messageId, String to, String text, int validity) {
		SmsProviderClient.SendResult result;
		try {
			result = client.send(new SmsProviderClient.SendRequest(to.replace("+", ""), properties.sender(), text,
					new SmsProviderClient.Params(messageId.toString(), validity)));
		}
		catch (HttpStatusCodeException ex) {
			int status = ex.getStatusCode().value();
			boolean permanent = ex.getStatusCode().is4xxClientError() && status != 408 && status != 429;
			throw new DeliveryFailure("HTTP " + status, permanent, ex);
		}
		catch (RestClientException ex) {
			throw new DeliveryFailure(ex.getMostSpecificCause().getClass().getSimpleName(), false, ex);
		}
		if (result == null || result.code() != 0 || result.data() == null || result.data().messageId() == null) {
			int code = result == null ? -1 : result.code();
			throw new DeliveryFailure("provider code " + code, code == 1);
		}
		return result.data().messageId();
	}
}
