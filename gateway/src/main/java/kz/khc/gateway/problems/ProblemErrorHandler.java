package kz.khc.gateway.problems;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every error that reaches the edge — no route (404), a service that is down (503) or too slow (504), anything
 * unexpected (500) — goes out as problem details, never as an HTML page or a stack trace.
 */
@Component
@Order(-2) // before Boot's default handler
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final Problems problems;

	ProblemErrorHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		return problems.write(exchange, statusOf(ex));
	}

	private static HttpStatusCode statusOf(Throwable ex) {
		if (ex instanceof ResponseStatusException status) {
			return status.getStatusCode();
		}
		if (causedBy(ex, ConnectException.class)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (causedBy(ex, TimeoutException.class)) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		log.error("Unexpected error at the gateway", ex);
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}
}
