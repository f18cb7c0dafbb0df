package kz.khc.gateway.security;

import kz.khc.gateway.problems.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A request whose {@code Content-Length} is over {@code gateway.max-body-size} (the largest a service takes: a 10 MB
 * document with its form fields) is a {@code 413 content-too-large} problem here, before it is read or passed on. The
 * services read (swallow) a refused body up to the same size, so that their answer, not a closed connection, comes
 * back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySize implements WebFilter {

	private final long maxBytes;
	private final Problems problems;

	BodySize(@Value("${gateway.max-body-size}") DataSize maxBodySize, Problems problems) {
		this.maxBytes = maxBodySize.toBytes();
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
			return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE);
		}
		return chain.filter(exchange);
	}
}
