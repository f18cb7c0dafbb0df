package kz.khc.notification.messages;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per provider: when most recent calls fail, calls stop for a while, the queue waits, and a
 * few trial calls decide whether the provider is back. A refusal of one message (a bad number) is not the
 * provider's failure and does not count. State and calls are metrics ({@code resilience4j_circuitbreaker_*}).
 */
@Component
class ProviderBreakers {

	private static final Logger log = LoggerFactory.getLogger(ProviderBreakers.class);

	private final CircuitBreaker sms;
	private final CircuitBreaker email;
	private final Duration waitInOpenState;

	ProviderBreakers(Settings settings, MeterRegistry meters) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.waitDurationInOpenState(settings.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
			.ignoreException(ex -> ex instanceof DeliveryFailure failure && failure.permanent())
			.build();
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
		this.sms = registry.circuitBreaker("sms");
		this.email = registry.circuitBreaker("email");
		this.waitInOpenState = settings.waitInOpenState();
		for (CircuitBreaker breaker : registry.getAllCircuitBreakers()) {
			breaker.getEventPublisher()
				.onStateTransition(event -> log.warn("Provider {}: circuit {}", event.getCircuitBreakerName(),
						event.getStateTransition()));
		}
	}

	CircuitBreaker sms() {
		return sms;
	}

	CircuitBreaker email() {
		return email;
	}

	CircuitBreaker of(Channel channel) {
		return channel == Channel.SMS ? sms : email;
	}

	/**
	 * Whether the provider may be called now: the circuit is closed, or it is half open for trial calls (an open
	 * circuit half-opens here once its wait is over). The permission taken to ask is given back.
	 */
	boolean available(Channel channel) {
		CircuitBreaker breaker = of(channel);
		if (breaker.tryAcquirePermission()) {
			breaker.releasePermission();
			return true;
		}
		return false;
	}

	Duration waitInOpenState() {
		return waitInOpenState;
	}

	@ConfigurationProperties("notifications.circuit-breaker")
	record Settings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
			Duration waitInOpenState, int permittedCallsInHalfOpenState) {
	}
}
