package kz.khc.scoring.assessments;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import kz.khc.scoring.rules.Assessment;
import kz.khc.scoring.rules.Programmes;
import kz.khc.scoring.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, no login: how a programme's rules judge the application described in the request (issue 6 point 3) —
 * every criterion with its outcome and a sentence in the {@code Accept-Language} (ru, kk, en), and the points with
 * their breakdown. Nothing is stored and nothing of the request is logged; {@link PreCheckLimit} limits the
 * requests per client address.
 */
@RestController
class PreCheckController {

	static final String PATH = "/api/scoring/v1/programmes/{programme}/assessments";

	/** The programme whose applicants state their savings (seed 004). */
	static final String WITH_SAVINGS = "qoljetimdi-baspana-2020";

	private final Programmes programmes;
	private final Problems problems;
	private final MessageSource messages;

	PreCheckController(Programmes programmes, Problems problems, MessageSource messages) {
		this.programmes = programmes;
		this.problems = problems;
		this.messages = messages;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Assessment> assess(@PathVariable String programme, @Valid @RequestBody PreCheckRequest request,
			Locale locale) {
		if (!programmes.names().contains(programme)) {
			throw new Programmes.UnknownProgramme(programme);
		}
		if (WITH_SAVINGS.equals(programme) && request.savings() == null) {
			throw new SavingsMissing();
		}
		Assessment assessment = programmes.assess(programme, request.toFacts(), locale);
		// personal data: no cache keeps it
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(assessment);
	}

	static final class SavingsMissing extends RuntimeException {

		SavingsMissing() {
			super(null, null, false, false);
		}
	}


	@ExceptionHandler
	ResponseEntity<ProblemDetail> noEdition(Programmes.NoEdition ex, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "no-edition", locale);
		return respond(problems.withFieldErrors(problem, List.of(new Problems.FieldError("submissionDate",
				messages.getMessage("problem.no-edition.field", null, "no edition on this date", locale)))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> savingsMissing(SavingsMissing ex, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "validation-failed", locale);
		return respond(problems.withFieldErrors(problem,
				List.of(new Problems.FieldError("savings", messages.getMessage("NotNull", null, "required", locale)))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyRequests(PreCheckLimit.TooManyRequests ex, Locale locale) {
		long seconds = Math.max(1, ex.retryAfter.toSeconds() + (ex.retryAfter.toNanosPart() > 0 ? 1 : 0));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", locale));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
