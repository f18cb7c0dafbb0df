package kz.khc.identity.suite;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * What identity-service asks of the other services. Each call carries this service's own token ({@link SuiteToken}),
 * has a connect and read timeout, and goes through a circuit breaker per service; any failure is a
 * {@link SuiteUnavailable}.
 */
@Component
public class Suite {

	private final CabinetClient cabinet;
	private final NotificationClient notifications;
	private final CircuitBreaker cabinetBreaker;
	private final CircuitBreaker notificationBreaker;

	Suite(RestClient.Builder http, OAuth2ClientHttpRequestInterceptor withToken, Settings settings) {
		this.cabinet = client(http, settings.cabinetUrl(), withToken, settings, CabinetClient.class);
		this.notifications = client(http, settings.notificationUrl(), withToken, settings, NotificationClient.class);
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(15))
			.build();
		this.cabinetBreaker = CircuitBreaker.of("cabinet", breaker);
		this.notificationBreaker = CircuitBreaker.of("notification", breaker);
	}

	static <T> T client(RestClient.Builder http, String baseUrl, OAuth2ClientHttpRequestInterceptor withToken,
			Settings settings, Class<T> type) {
		var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			.build());
		requests.setReadTimeout(settings.readTimeout());
		RestClient rest = http.clone().baseUrl(baseUrl).requestFactory(requests).requestInterceptor(withToken).build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(type);
	}

	/**
	 * DOMAIN I1: do these five values match one contract of the company's records? If so, the client's names as the
	 * records have them.
	 */
	public Optional<KeycloakUsers.Names> contractHolder(String accountNumber, String iin, String contractNumber,
			LocalDate contractDate, String mobile) {
		try {
			CabinetClient.Check check = cabinetBreaker.executeSupplier(() -> cabinet
				.check(new CabinetClient.Tuple(accountNumber, iin, contractNumber, contractDate, mobile)));
			return check.matches() ? Optional.of(new KeycloakUsers.Names(check.firstName(), check.surname()))
					: Optional.empty();
		}
		catch (RestClientException | CallNotPermittedException ex) {
			throw new SuiteUnavailable("cabinet-service", ex);
		}
	}

	/** Sends a one-time code by SMS through notification-service; it reached the provider, or this throws. */
	public void sendCode(String mobile, String code, String purpose, Locale language, @Nullable String personId) {
		try {
			notificationBreaker.executeRunnable(() -> notifications.sendCode(
					new NotificationClient.CodeRequest(mobile, code, purpose, language.getLanguage(), personId)));
		}
		catch (RestClientException | CallNotPermittedException ex) {
			throw new SuiteUnavailable("notification-service", ex);
		}
	}

	/**
	 * @param readTimeout at least notification-service's one-second deadline for a code, with room for the network
	 */
	@ConfigurationProperties("services")
	public record Settings(String cabinetUrl, String notificationUrl, String keycloakAdminUrl, Duration connectTimeout,
			Duration readTimeout) {
	}
}
