package kz.khc.identity.registration;

import java.util.List;
import java.util.Locale;

import kz.khc.identity.codes.OneTimeCodes;
import kz.khc.identity.passwords.PasswordPolicy;
import kz.khc.identity.suite.KeycloakUsers;
import kz.khc.identity.suite.SuiteUnavailable;
import kz.khc.identity.web.Problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The refusals of both code flows, as problem details; the exceptions carry no stack (they are answers). */
@RestControllerAdvice(assignableTypes = { RegistrationController.class, PasswordResetController.class })
class CodeFlowErrors {

	private static final Logger log = LoggerFactory.getLogger(CodeFlowErrors.class);

	private final Problems problems;
	private final MessageSource messages;

	CodeFlowErrors(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	static final class CaptchaFailed extends RuntimeException {

		CaptchaFailed() {
			super(null, null, false, false);
		}
	}

	static final class CodeInvalid extends RuntimeException {

		final int triesLeft;

		CodeInvalid(int triesLeft) {
			super(null, null, false, false);
			this.triesLeft = triesLeft;
		}
	}

	static final class PasswordRejected extends RuntimeException {

		final List<PasswordPolicy.Violation> violations;

		PasswordRejected(List<PasswordPolicy.Violation> violations) {
			super(null, null, false, false);
			this.violations = violations;
		}
	}

	/** The confirmed code is too old for the password step, or the flow is complete; {@code code} names which. */
	static final class Expired extends RuntimeException {

		final String code;

		Expired(String code) {
			super(null, null, false, false);
			this.code = code;
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> captchaFailed(CaptchaFailed ex, Locale locale) {
		return ResponseEntity.badRequest().body(problems.of(HttpStatus.BAD_REQUEST, "captcha-failed", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooSoon(OneTimeCodes.TooSoon ex, Locale locale) {
		long seconds = Math.max(1, ex.retryAfter().toSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", locale, seconds));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> codeInvalid(CodeInvalid ex, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "code-invalid", locale);
		problem.setProperty("triesLeft", ex.triesLeft);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> passwordRejected(PasswordRejected ex, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation-failed", locale);
		problems.withFieldErrors(problem, ex.violations.stream()
			.map(violation -> new Problems.FieldError(
					violation == PasswordPolicy.Violation.NOT_THE_SAME_TWICE ? "repeated" : "password",
					messages.getMessage("password." + violation.name(), null, violation.name(), locale)))
			.toList());
		problem.setProperty("violations", ex.violations);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> expired(Expired ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.of(HttpStatus.CONFLICT, ex.code, locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> alreadyRegistered(KeycloakUsers.AlreadyRegistered ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problems.of(HttpStatus.CONFLICT, "already-registered", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(SuiteUnavailable ex, Locale locale) {
		log.warn("A code flow's step failed: {} ({})", ex.getMessage(),
				ex.getCause() == null ? "" : ex.getCause().getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "60")
			.body(problems.of(HttpStatus.SERVICE_UNAVAILABLE,
					ex.service().equals("notification-service") ? "sms-unavailable" : "service-unavailable", locale));
	}
}
