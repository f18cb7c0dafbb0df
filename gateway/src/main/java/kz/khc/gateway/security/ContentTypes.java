package kz.khc.gateway.security;

import kz.khc.gateway.problems.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A {@code Content-Type} no body can have — unparseable, or a wildcard ({@code *}{@code /*}, {@code application/*}) —
 * is a {@code 415 unsupported-media-type} problem here, at the edge. The services answer a wildcard with the same 415
 * (Spring MVC fails on it while reading the body, and their problem advice turns that into the 415).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ContentTypes implements WebFilter {

	private final Problems problems;

	ContentTypes(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String contentType = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && !usable(contentType)) {
			return problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		}
		return chain.filter(exchange);
	}

	static boolean usable(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}
}
