package kz.khc.notification.web;

import io.micrometer.tracing.Tracer;

import kz.khc.testsupport.DatabaseUnavailableConventions;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionSystemException;

/** {@link DatabaseUnavailableConventions}: the database away is a localized 503 with {@code Retry-After}. */
class DatabaseUnavailableTest extends DatabaseUnavailableConventions {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(
			new Problems(messages, new StaticListableBeanFactory().getBeanProvider(Tracer.class)), messages);

	DatabaseUnavailableTest() {
		super("kz/khc/contracts/problems", "kz/khc/notification/problems");
	}

	@Override
	protected ResponseEntity<Object> databaseUnavailable(Exception away) {
		return advice.databaseUnavailable(away);
	}

	@Override
	protected ResponseEntity<Object> transactionFailed(TransactionSystemException failure) {
		return advice.transactionFailed(failure);
	}
}
