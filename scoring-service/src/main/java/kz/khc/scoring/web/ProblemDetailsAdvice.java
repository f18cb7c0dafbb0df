package kz.khc.scoring.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import kz.khc.scoring.rules.Programmes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;

/** Turns every error a controller raises into localized problem details (see {@link Problems}). */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
	/** A restarted database or a failed-over primary is usually back within seconds. */
	static final String DATABASE_RETRY_AFTER_SECONDS = "5";

	private final Problems problems;
	private final MessageSource messages;
	private final Programmes programmes;

	ProblemDetailsAdvice(Problems problems, MessageSource messages, Programmes programmes) {
		this.problems = problems;
		this.messages = messages;
		this.programmes = programmes;
	}

	@ExceptionHandler(Programmes.UnknownProgramme.class)
	ResponseEntity<Object> unknownProgramme(Programmes.UnknownProgramme ex) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "programme-not-found", locale(),
				String.join(", ", programmes.names().stream().sorted().toList())));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
		return respond(problems.of(HttpStatus.FORBIDDEN, "forbidden", locale()));
	}

	/** A request the firewall refuses while the body is read: a form body whose parameter names are not text. */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejected(RequestRejectedException ex) {
		return respond(problems.of(HttpStatus.BAD_REQUEST, "malformed-request", locale()));
	}

	/**
	 * A wildcard {@code Content-Type} ({@code *}{@code /*}, {@code application/*}) is the 415 of any type not accepted.
	 * Spring MVC fails on it while reading the body (it adds the request's charset to a type no body can have, which
	 * {@code HttpHeaders} refuses); any other illegal argument is unexpected.
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> illegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		return wildcard(request.getContentType())
				? respond(problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", locale()))
				: unexpected(ex);
	}

	/**
	 * The database is away — down, restarting, or no connection free within the pool's timeout: a 503 the caller may
	 * retry, not a 500. Its transaction never began or was rolled back; only a commit cut off on the wire leaves the
	 * outcome to be read again after the retry.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
			.body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", locale()));
	}

	/**
	 * A JDBC commit or rollback that failed: the connection died under the transaction (the database stopped, and the
	 * pool had already closed the connection when the rollback came) — the database is away, as above. Any other
	 * transaction failure is unexpected.
	 */
	@ExceptionHandler(TransactionSystemException.class)
	ResponseEntity<Object> transactionFailed(TransactionSystemException ex) {
		return ex.getMostSpecificCause() instanceof SQLException ? databaseUnavailable(ex) : unexpected(ex);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", locale()));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale();
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new Problems.FieldError(error.getField(), messages.getMessage(error, locale)))
			.toList();
		return respond(problems.withFieldErrors(problems.of(status, "validation-failed", locale), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale();
		List<Problems.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new Problems.FieldError(name(result), messages.getMessage(error, locale))))
			.toList();
		return respond(problems.withFieldErrors(problems.of(HttpStatus.BAD_REQUEST, "validation-failed", locale),
				errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale();
		ProblemDetail problem = problems.of(status, "malformed-request", locale);
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			// named as validation names it: applicant.registration.since, family[0].birthDate
			StringBuilder field = new StringBuilder();
			for (var ref : databind.getPath()) {
				if (ref.getPropertyName() != null) {
					field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
				}
				else {
					field.append('[').append(ref.getIndex()).append(']');
				}
			}
			problems.withFieldErrors(problem, List.of(new Problems.FieldError(field.toString(),
					messages.getMessage("problem.malformed-request.field", null, "invalid value", locale))));
		}
		return respond(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(status)
			.headers(headers)
			.body(problems.of(status, Problems.codeOf(status), locale()));
	}

	private static String name(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		return name == null ? "parameter" + result.getMethodParameter().getParameterIndex() : name;
	}

	private static boolean wildcard(@Nullable String contentType) {
		try {
			return contentType != null && !MediaType.parseMediaType(contentType).isConcrete();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
