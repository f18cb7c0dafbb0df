package kz.khc.gateway.security;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * X-Forwarded-For to the services: the chain a trusted proxy in front of the gateway sent, with the connecting
 * address appended; from anyone else, only their own address. The services (which trust the gateway as an internal
 * proxy) take the last address that is not a proxy as the client's: identity-service's per-address code limits,
 * the captcha check and the audit trail depend on it. Spring Cloud Gateway's own X-Forwarded filter keeps only the
 * trusted proxies' addresses, which drops the client's; this filter runs after it and reads the request as it came.
 */
@Component
class ClientAddress implements HttpHeadersFilter {

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private final Pattern trustedProxies;

	ClientAddress(@Value("${gateway.trusted-proxies}") String trustedProxies) {
		this.trustedProxies = Pattern.compile(trustedProxies);
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return input;
		}
		String address = remote.getAddress().getHostAddress();
		List<String> chain = new ArrayList<>();
		if (trustedProxies.matcher(address).matches()) {
			for (String forwarded : exchange.getRequest().getHeaders().getValuesAsList(X_FORWARDED_FOR)) {
				chain.addAll(List.of(StringUtils.tokenizeToStringArray(forwarded, ",")));
			}
		}
		chain.add(address);
		HttpHeaders updated = new HttpHeaders();
		updated.putAll(input);
		updated.set(X_FORWARDED_FOR, String.join(", ", chain));
		return updated;
	}
}
