package kz.khc.elorda.calculator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import kz.khc.elorda.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, no login (issue 7 point 6): the monthly payments of a loan of {@code amount} whole tenge in each period
 * (DOMAIN L1). A missing or non-numeric amount and one outside the terms' limits are a 400 naming {@code amount}.
 * The answer depends on the amount alone, so browsers and proxies may keep it a few minutes; changed terms reach
 * everyone within that time.
 */
@RestController
class LoanCalculatorController {

	static final String PATH = "/api/elorda/v1/loan-calculator";

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final LoanTerms terms;
	private final Problems problems;
	private final MessageSource messages;

	LoanCalculatorController(LoanTerms terms, Problems problems, MessageSource messages) {
		this.terms = terms;
		this.problems = problems;
		this.messages = messages;
	}

	@GetMapping(PATH)
	ResponseEntity<LoanCalculation> calculate(@RequestParam long amount) {
		return ResponseEntity.ok().cacheControl(CACHE).body(LoanCalculator.calculate(BigDecimal.valueOf(amount), terms));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> outOfRange(LoanCalculator.AmountOutOfRange ex, Locale locale) {
		String message = messages.getMessage("LoanAmountRange",
				new Object[] { ex.minimum.toPlainString(), ex.maximum.toPlainString() },
				"must be between " + ex.minimum.toPlainString() + " and " + ex.maximum.toPlainString(), locale);
		ProblemDetail problem = problems.withFieldErrors(
				problems.of(HttpStatus.BAD_REQUEST, "validation-failed", locale),
				List.of(new Problems.FieldError("amount", message)));
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
	}
}
