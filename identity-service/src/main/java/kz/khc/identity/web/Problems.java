package kz.khc.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details: a stable {@code type} and {@code code}, a {@code title} and {@code detail} in
 * the caller's language (ru, kk or en by {@code Accept-Language}), field errors where there are any, and the trace
 * id to quote to support. Never an exception message or a stack trace.
 */
@Component
public class Problems {

	private final MessageSource messages;
	private final ObjectProvider<Tracer> tracer;

	Problems(MessageSource messages, ObjectProvider<Tracer> tracer) {
		this.messages = messages;
		this.tracer = tracer;
	}

	public ProblemDetail of(HttpStatusCode status, String code, Locale locale, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:khc:problem:" + code));
		problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
		problem.setDetail(messages.getMessage("problem." + code + ".detail", args, "", locale));
		problem.setProperty("code", code);
		Tracer current = tracer.getIfAvailable();
		Span span = current == null ? null : current.currentSpan();
		if (span != null) {
			problem.setProperty("traceId", span.context().traceId());
		}
		return problem;
	}

	public ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/** The code for a status without a more specific one: {@code 404 → not-found}. */
	public static String codeOf(HttpStatusCode status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
		return known == null ? "error-" + status.value()
				: known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	public record FieldError(String field, String message) {
	}
}
