package kz.khc.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.tracing.Tracer;

import kz.khc.testsupport.ProblemAdviceConventions;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionSystemException;

/**
 * {@link ProblemAdviceConventions}: the database away is a 503 to retry, a request the firewall rejects a 400, a
 * wildcard Content-Type a 415.
 */
class ProblemDetailsAdviceTest extends ProblemAdviceConventions {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(
			new Problems(messages, new StaticListableBeanFactory().getBeanProvider(Tracer.class)), messages);

	ProblemDetailsAdviceTest() {
		super("kz/khc/contracts/problems", "kz/khc/identity/problems");
	}

	@Override
	protected ResponseEntity<Object> databaseUnavailable(Exception away) {
		return advice.databaseUnavailable(away);
	}

	@Override
	protected ResponseEntity<Object> transactionFailed(TransactionSystemException failure) {
		return advice.transactionFailed(failure);
	}

	@Override
	protected ResponseEntity<Object> rejected(RequestRejectedException rejected) {
		return advice.rejected(rejected);
	}

	@Override
	protected ResponseEntity<Object> illegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		return advice.illegalArgument(ex, request);
	}
}
