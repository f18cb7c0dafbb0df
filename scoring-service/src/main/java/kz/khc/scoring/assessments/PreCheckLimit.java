package kz.khc.scoring.assessments;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * At most {@code scoring.pre-check.requests-per-minute} pre-checks a minute from one client address (behind the
 * gateway the address comes from its {@code X-Forwarded-For}: {@code server.forward-headers-strategy: native}),
 * counted before the request is read, so malformed requests count too. The limiters of the most recently seen
 * {@code scoring.pre-check.tracked-addresses} addresses are kept; an address pushed out starts afresh. Only the
 * address is kept, nothing of the request.
 */
@Component
class PreCheckLimit implements HandlerInterceptor, WebMvcConfigurer {

	private final RateLimiterConfig config;
	private final Map<String, AtomicRateLimiter> byAddress;

	PreCheckLimit(Settings settings) {
		this.config = RateLimiterConfig.custom()
			.limitForPeriod(settings.requestsPerMinute())
			.limitRefreshPeriod(Duration.ofMinutes(1))
			.timeoutDuration(Duration.ZERO)
			.build();
		int capacity = settings.trackedAddresses();
		this.byAddress = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
				return size() > capacity;
			}
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PreCheckController.PATH);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		AtomicRateLimiter limiter = byAddress.computeIfAbsent(request.getRemoteAddr(),
				address -> new AtomicRateLimiter("pre-check", config));
		if (limiter.acquirePermission()) {
			return true;
		}
		throw new TooManyRequests(Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait()));
	}

	/** The caller must wait {@code retryAfter} before the next pre-check. */
	static final class TooManyRequests extends RuntimeException {

		final Duration retryAfter;

		TooManyRequests(Duration retryAfter) {
			super(null, null, false, false);
			this.retryAfter = retryAfter;
		}
	}

	/**
	 * @param requestsPerMinute pre-checks one client address may make a minute
	 * @param trackedAddresses how many addresses' counts are kept at most (least recently seen dropped first)
	 */
	@ConfigurationProperties("scoring.pre-check")
	record Settings(@DefaultValue("30") int requestsPerMinute, @DefaultValue("10000") int trackedAddresses) {
	}
}
