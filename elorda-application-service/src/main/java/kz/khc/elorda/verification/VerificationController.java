package kz.khc.elorda.verification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.khc.elorda.web.Problems;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Akimat officers verify or reject a submitted application, once (issue 7 point 8). Nobody else may: a citizen or a
 * bank officer is refused (403). A draft is not there for staff (404); a second decision is a 409 saying what was
 * decided, when and by whom.
 */
@RestController
@RequestMapping("/api/elorda/v1/applications/{id}")
class VerificationController {

	static final int MAX_COMMENT = 2000;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
		.withZone(VerificationDeadline.ALMATY);

	private final Verifications verifications;
	private final Problems problems;

	VerificationController(Verifications verifications, Problems problems) {
		this.verifications = verifications;
		this.problems = problems;
	}

	/** @param reasonCode and {@code comment} optional: a note for staff, never shown to the applicant */
	record Verification(@Nullable RejectionReason reasonCode, @Nullable @Size(max = MAX_COMMENT) String comment) {
	}

	/** @param comment the applicant reads it */
	record Rejection(@NotNull RejectionReason reasonCode, @NotBlank @Size(max = MAX_COMMENT) String comment) {
	}

	/** The decision taken, as staff see it. */
	record Decided(UUID applicationId, String applicationNumber, Outcome status,
			VerificationView.DecisionView decision) {
	}

	@PostMapping("/verification")
	@PreAuthorize("hasRole('akimat-officer')")
	Decided verify(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Verification body,
			@AuthenticationPrincipal Jwt officer, Locale locale) {
		Verification request = body == null ? new Verification(null, null) : body;
		return decided(verifications.verify(id, officerOf(officer), request.reasonCode(), blankless(request.comment())),
				locale);
	}

	@PostMapping("/rejection")
	@PreAuthorize("hasRole('akimat-officer')")
	Decided reject(@PathVariable UUID id, @Valid @RequestBody Rejection body, @AuthenticationPrincipal Jwt officer,
			Locale locale) {
		return decided(verifications.reject(id, officerOf(officer), body.reasonCode(), body.comment().strip()),
				locale);
	}

	private Decided decided(Verifications.Taken taken, Locale locale) {
		Decision decision = taken.decision();
		return new Decided(decision.applicationId(), taken.applicationNumber(), decision.outcome(),
				verifications.view(decision, true, locale));
	}

	private static Officer officerOf(Jwt token) {
		String username = token.getClaimAsString("preferred_username");
		return new Officer(token.getSubject(), username == null || username.isBlank() ? token.getSubject() : username);
	}

	private static @Nullable String blankless(@Nullable String comment) {
		return comment == null || comment.isBlank() ? null : comment.strip();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(Verifications.NotFound ex, Locale locale) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", locale));
	}

	/** Only staff get here, so the officer who decided may be named. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> alreadyDecided(Verifications.AlreadyDecided ex, Locale locale) {
		Decision decision = ex.decision;
		if (decision == null) {
			return respond(problems.of(HttpStatus.CONFLICT, "conflict", locale));
		}
		ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "already-decided", locale, ex.number,
				verifications.outcomeName(decision.outcome(), locale), WHEN.format(decision.decidedAt()),
				decision.decidedBy().username());
		problem.setProperty("decision", verifications.view(decision, true, locale));
		return respond(problem);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
