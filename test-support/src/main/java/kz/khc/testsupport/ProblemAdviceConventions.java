package kz.khc.testsupport;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's problem handler promises beside its own API's refusals: with the database away (stopped,
 * restarting, no connection free in time) a request gets a localized 503 with {@code Retry-After}, and a request the
 * firewall refuses while the body is read a 400, a wildcard {@code Content-Type} a 415 — never the 500 of an unexpected error, and nothing of the exception.
 * A service's test extends this with its handler's methods.
 */
public abstract class ProblemAdviceConventions {

	/** The texts the service reads. */
	protected final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	/** @param basenames the service's message bundles, in its order */
	protected ProblemAdviceConventions(String... basenames) {
		messages.setBasenames(basenames);
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	/** The answer of the service's handler of a data access failure. */
	protected abstract ResponseEntity<Object> databaseUnavailable(Exception away);

	/** The answer of the service's handler of a transaction that failed to commit or roll back. */
	protected abstract ResponseEntity<Object> transactionFailed(TransactionSystemException failure);

	/** The answer of the service's handler of a request its firewall rejects. */
	protected abstract ResponseEntity<Object> rejected(RequestRejectedException rejected);

	/** The answer of the service's handler of an illegal argument raised while the request was handled. */
	protected abstract ResponseEntity<Object> illegalArgument(IllegalArgumentException ex, HttpServletRequest request);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	static Stream<Exception> databaseAway() {
		var refused = new SQLException("Connection to 127.0.0.1:15432 refused", "08001", new ConnectException());
		return Stream.of(
				// a transaction could not begin: what a @Transactional method meets
				new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
								refused)),
				// a plain query outside a transaction
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", refused),
				// the connection was cut mid-statement (57P01: terminating connection due to administrator command)
				new DataAccessResourceFailureException("PreparedStatementCallback",
						new SQLException("terminating connection due to administrator command", "57P01")),
				new TransientDataAccessResourceException("connection lost", new SQLException("I/O error", "08006")));
	}

	@Test
	void aRollbackOnAConnectionThePoolClosedIsA503Too() {
		// the statement failed with 57P01, the pool closed the connection, the rollback then found it closed
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

		ResponseEntity<Object> answer = transactionFailed(rollback);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
	}

	@Test
	void anotherTransactionFailureStaysAnInternalError() {
		ResponseEntity<Object> answer = transactionFailed(new TransactionSystemException("JTA failure"));

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "internal-error");
	}

	@ParameterizedTest
	@MethodSource("databaseAway")
	void isA503ProblemToRetryNotA500(Exception away) {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("kk"));

		ResponseEntity<Object> answer = databaseUnavailable(away);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class, problem -> {
			assertThat(problem.getType().toString()).isEqualTo("urn:khc:problem:service-unavailable");
			assertThat(problem.getProperties()).containsEntry("code", "service-unavailable");
			assertThat(problem.getTitle()).isEqualTo("Қызмет уақытша қолжетімсіз");
			assertThat(problem.getDetail()).contains("Кейінірек қайталаңыз").doesNotContain("JDBC", "Connection", "SQL");
		});
	}

	@Test
	void aFormBodyWhoseNamesTheFirewallRejectsIsA400NotA500() {
		// what jqwik found: a form-encoded body read as parameters, a name with characters the firewall refuses
		LocaleContextHolder.setLocale(Locale.forLanguageTag("en"));
		var rejected = new RequestRejectedException(
				"The request was rejected because the parameter name \"{\"x\"\" is not allowed.");

		ResponseEntity<Object> answer = rejected(rejected);

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class, problem -> {
			assertThat(problem.getProperties()).containsEntry("code", "malformed-request");
			assertThat(problem.getDetail()).doesNotContain("parameter name", "rejected");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "*/*; charset=UTF-8" })
	void aWildcardContentTypeIsA415NotA500(String contentType) {
		// what Tomcat and Spring MVC do with it while reading the body, whatever the endpoint (MockMvc does not)
		LocaleContextHolder.setLocale(Locale.forLanguageTag("kk"));
		var request = new MockHttpServletRequest("POST", "/api/anything");
		request.setContentType(contentType);
		var ex = new IllegalArgumentException("Content-Type cannot contain wildcard type '*'");

		ResponseEntity<Object> answer = illegalArgument(ex, request);

		assertThat(answer.getStatusCode().value()).isEqualTo(415);
		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class, problem -> {
			assertThat(problem.getProperties()).containsEntry("code", "unsupported-media-type");
			assertThat(problem.getDetail()).isEqualTo("Деректерді JSON пішімінде жіберіңіз.");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "not a type" })
	void anotherIllegalArgumentStaysAnInternalError(String contentType) {
		var request = new MockHttpServletRequest("POST", "/api/anything");
		request.setContentType(contentType);

		ResponseEntity<Object> answer = illegalArgument(new IllegalArgumentException("a bug"), request);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "internal-error");
	}

	@ParameterizedTest
	@MethodSource("databaseAway")
	void speaksRussianByDefault(Exception away) {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));

		assertThat(((ProblemDetail) databaseUnavailable(away).getBody()).getTitle())
			.isEqualTo("Сервис временно недоступен");
	}
}
