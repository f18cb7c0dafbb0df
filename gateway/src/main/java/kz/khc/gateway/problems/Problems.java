package kz.khc.gateway.problems;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details at the edge with the same codes and texts as the services: a stable {@code type}
 * and {@code code}, title and detail in the caller's language ({@code Accept-Language}: ru, kk, en; Russian by
 * default) and the trace id.
 */
@Component
public class Problems {

	private static final List<Locale> SUPPORTED = List.of(Locale.of("ru"), Locale.of("kk"), Locale.ENGLISH);

	private final MessageSource messages;
	private final ObjectProvider<Tracer> tracer;
	private final JsonMapper json;

	Problems(MessageSource messages, ObjectProvider<Tracer> tracer, JsonMapper json) {
		this.messages = messages;
		this.tracer = tracer;
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
		ProblemDetail problem = of(status, locale(exchange));
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

	ProblemDetail of(HttpStatusCode status, Locale locale) {
		String code = codeOf(status);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:khc:problem:" + code));
		problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
		problem.setDetail(messages.getMessage("problem." + code + ".detail", null, "", locale));
		problem.setProperty("code", code);
		Tracer current = tracer.getIfAvailable();
		Span span = current == null ? null : current.currentSpan();
		if (span != null) {
			problem.setProperty("traceId", span.context().traceId());
		}
		return problem;
	}

	static Locale locale(ServerWebExchange exchange) {
		List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
		Locale best = ranges.isEmpty() ? null : Locale.lookup(ranges, SUPPORTED);
		return best == null ? SUPPORTED.getFirst() : best;
	}

	static String codeOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known == null ? "error-" + status.value()
				: known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}
}
