package kz.khc.gateway.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.khc.gateway.problems.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Requests per client at the edge, before a route reaches a service: a token bucket per signed-in person (the
 * validated token's subject, wherever they connect from — many citizens share a mobile operator's address) and per
 * client address for everyone else (the address a trusted proxy forwarded in {@code X-Forwarded-For}, else the
 * connecting one; {@link ClientAddress}). Over the limit: {@code 429 too-many-requests} problem details with
 * {@code Retry-After} (whole seconds until the next request is let through); the service never sees the request.
 * Only the routed requests count (the API, the API docs, the portal's token exchanges), not the portal's own files.
 * The buckets of the most recently seen {@code tracked-clients} clients are kept in this instance's memory: with more
 * than one gateway the limit is per instance.
 */
@Component
@EnableConfigurationProperties(RateLimits.Settings.class)
class RateLimits implements GlobalFilter, Ordered {

	private final Settings settings;
	private final Pattern trustedProxies;
	private final Problems problems;
	private final Map<String, Bucket> buckets;

	RateLimits(Settings settings, @Value("${gateway.trusted-proxies}") String trustedProxies, Problems problems) {
		this.settings = settings;
		this.trustedProxies = Pattern.compile(trustedProxies);
		this.problems = problems;
		int capacity = settings.trackedClients();
		this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > capacity;
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!settings.enabled()) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
			.map(principal -> "person:" + principal.getName())
			.map(person -> take(person, settings.signedIn()))
			.switchIfEmpty(Mono.fromSupplier(() -> take("address:" + clientAddress(exchange), settings.anonymous())))
			.flatMap(wait -> {
				if (wait.isZero()) {
					return chain.filter(exchange);
				}
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
				return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS);
			});
	}

	/** Zero if the client may go on, else how long until its next request would be let through. */
	private Duration take(String client, Limit limit) {
		Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(limit, System.nanoTime()));
		return bucket.take(System.nanoTime());
	}

	/**
	 * As the services take it behind the gateway: walking {@code X-Forwarded-For} back from the connecting address,
	 * the first address that is not a trusted proxy (a client cannot pose as someone else by prepending addresses).
	 */
	String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
		if (!trustedProxies.matcher(address).matches()) {
			return address;
		}
		List<String> chain = new ArrayList<>();
		for (String forwarded : exchange.getRequest().getHeaders().getValuesAsList("X-Forwarded-For")) {
			chain.addAll(List.of(StringUtils.tokenizeToStringArray(forwarded, ",")));
		}
		for (int i = chain.size() - 1; i >= 0; i--) {
			address = chain.get(i);
			if (!trustedProxies.matcher(address).matches()) {
				return address;
			}
		}
		return address;
	}

	/** A token bucket: {@code capacity} requests at once, refilled by {@code perSecond} a second. */
	static final class Bucket {

		private final Limit limit;
		private double tokens;
		private long refilledAt;

		Bucket(Limit limit, long now) {
			this.limit = limit;
			this.tokens = limit.capacity();
			this.refilledAt = now;
		}

		synchronized Duration take(long now) {
			tokens = Math.min(limit.capacity(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
			refilledAt = now;
			if (tokens >= 1) {
				tokens -= 1;
				return Duration.ZERO;
			}
			return Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9));
		}
	}

	/**
	 * @param capacity  requests a client may make at once (the burst)
	 * @param perSecond requests a second it may keep making
	 */
	record Limit(int capacity, double perSecond) {

		Limit {
			if (capacity < 1 || perSecond <= 0) {
				throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive rate");
			}
		}
	}

	/**
	 * @param enabled        off only where load is measured (the benchmarks)
	 * @param signedIn       per person signed in (the token's subject)
	 * @param anonymous      per client address, without a token
	 * @param trackedClients how many clients' buckets are kept at most (least recently seen dropped first)
	 */
	@ConfigurationProperties("gateway.rate-limit")
	record Settings(boolean enabled, Limit signedIn, Limit anonymous, int trackedClients) {
	}
}
