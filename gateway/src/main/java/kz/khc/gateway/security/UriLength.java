package kz.khc.gateway.security;

import kz.khc.gateway.problems.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A request line longer than the services take ({@code gateway.max-uri-length}, under Tomcat's 8 KB of request
 * header) is a {@code 414 uri-too-long} problem here, before the token is checked or a service sees it. Netty reads
 * lines up to {@code server.netty.max-initial-line-length} (64 KB) so that this filter, not Netty's empty answer, is
 * what a client gets for any length below that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UriLength implements WebFilter {

	private final int maxLength;
	private final Problems problems;

	UriLength(@Value("${gateway.max-uri-length}") int maxLength, Problems problems) {
		this.maxLength = maxLength;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var uri = exchange.getRequest().getURI();
		String query = uri.getRawQuery();
		if (uri.getRawPath().length() + (query == null ? 0 : query.length() + 1) > maxLength) {
			return problems.write(exchange, HttpStatus.URI_TOO_LONG);
		}
		return chain.filter(exchange);
	}
}
