package kz.khc.elorda.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.khc.elorda.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's timeline of their own application, told in the request's language (issue 7 point 9), and the
 * latest automatic assessment of an application for akimat staff (point 8). Another citizen's application is as
 * good as missing (404); a draft has no timeline yet.
 */
@RestController
@RequestMapping("/api/elorda/v1")
class TimelineController {

	private final Steps steps;
	private final Assessments assessments;
	private final StepTexts texts;
	private final Problems problems;

	TimelineController(Steps steps, Assessments assessments, StepTexts texts, Problems problems) {
		this.steps = steps;
		this.assessments = assessments;
		this.texts = texts;
		this.problems = problems;
	}

	record TimelineView(UUID applicationId, String applicationNumber, List<StepView> steps) {
	}

	/** @param details the step's facts as data, by kind (the title and description say them in words) */
	record StepView(Step.Kind kind, Instant occurredAt, String title, String description, Step.Details details) {
	}

	@GetMapping("/my/applications/{id}/timeline")
	@PreAuthorize("hasRole('citizen')")
	TimelineView timeline(@PathVariable UUID id, Authentication citizen, Locale locale) {
		Steps.Timeline timeline = steps.timeline(id)
			.filter(own -> own.applicantId().equals(citizen.getName()))
			.orElseThrow(NotFound::new);
		return new TimelineView(id, timeline.applicationNumber(), steps.of(id).stream().map(step -> {
			StepTexts.Text text = texts.of(step, locale);
			return new StepView(step.kind(), step.occurredAt(), text.title(), text.description(), step.details());
		}).toList());
	}

	/** @param name the criterion in the request's language */
	record Criterion(String code, String name) {
	}

	record AssessmentView(UUID applicationId, String applicationNumber, boolean eligible, int points,
			List<Criterion> failedCriteria, List<Assessments.Points> breakdown, String rulesVersion, String edition,
			LocalDate asOf, Instant assessedAt) {
	}

	@GetMapping("/applications/{id}/assessment")
	@PreAuthorize("hasRole('akimat-officer')")
	AssessmentView assessment(@PathVariable UUID id, Locale locale) {
		if (steps.timeline(id).isEmpty()) {
			throw new NotFound();
		}
		Assessments.Assessment assessment = assessments.latest(id).orElseThrow(NotAssessed::new);
		return new AssessmentView(id, assessment.applicationNumber(), assessment.eligible(), assessment.points(),
				assessment.failedCriteria()
					.stream()
					.map(code -> new Criterion(code, texts.criterion(code, locale)))
					.toList(),
				assessment.breakdown(), assessment.rulesVersion(), assessment.edition(), assessment.asOf(),
				assessment.assessedAt());
	}

	static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}

	/** The scoring service has not assessed the application yet (or its event has not arrived). */
	static final class NotAssessed extends RuntimeException {

		NotAssessed() {
			super(null, null, false, false);
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound ex, Locale locale) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAssessed(NotAssessed ex, Locale locale) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "not-assessed", locale));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
