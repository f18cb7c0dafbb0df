package kz.khc.elorda.applications;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.khc.contracts.Iin;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.elorda.documents.DocumentCheck;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.signature.SignatureRefused;
import kz.khc.elorda.timeline.Assessments;
import kz.khc.elorda.verification.VerificationView;
import kz.khc.elorda.verification.Verifications;
import kz.khc.elorda.web.Problems;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen starts a draft in the open edition, saves it as often as they like and submits it; they see only their
 * own applications. Akimat officers list and read the submitted ones. The applicant's IIN is their login's.
 */
@RestController
@RequestMapping("/api/elorda/v1")
class ApplicationController {

	private static final SimpleGrantedAuthority AKIMAT_OFFICER = new SimpleGrantedAuthority("ROLE_akimat-officer");

	private final ApplicationIntake intake;
	private final Applications applications;
	private final Problems problems;
	private final MessageSource messages;
	private final Verifications verifications;
	private final Assessments assessments;

	ApplicationController(ApplicationIntake intake, Applications applications, Problems problems,
			MessageSource messages, Verifications verifications, Assessments assessments) {
		this.intake = intake;
		this.applications = applications;
		this.problems = problems;
		this.messages = messages;
		this.verifications = verifications;
		this.assessments = assessments;
	}

	/**
	 * @param verification the decision and, for staff, the verification deadline (DOMAIN A1), unwrapped into the
	 * view: see {@link VerificationView}
	 */
	record ApplicationView(UUID id, @Nullable String number, Application.Status status, String editionId,
			@Nullable ProgrammeCategory category, ApplicationForm form, @Nullable Instant submittedAt,
			Instant updatedAt, @JsonUnwrapped @Nullable VerificationView verification,
			Assessments.@Nullable Assessment assessment) {

		static ApplicationView of(Application application) {
			return of(application, null, null);
		}

		/** @param assessment scoring-service's automatic assessment, for staff; null until it has arrived */
		static ApplicationView of(Application application, @Nullable VerificationView verification,
				Assessments.@Nullable Assessment assessment) {
			return new ApplicationView(application.id(), application.number(), application.status(),
					application.editionId(), application.category(), application.form(), application.submittedAt(),
					application.updatedAt(), verification, assessment);
		}
	}

	@PostMapping("/applications")
	@PreAuthorize("hasRole('citizen')")
	ResponseEntity<ApplicationView> startDraft(@AuthenticationPrincipal Jwt citizen,
			@Valid @RequestBody ApplicationForm form) {
		Application draft = intake.startDraft(citizen.getSubject(), iinOf(citizen), form);
		return ResponseEntity.created(URI.create("/api/elorda/v1/applications/" + draft.id()))
			.body(ApplicationView.of(draft));
	}

	@PutMapping("/applications/{id}/form")
	@PreAuthorize("hasRole('citizen')")
	ApplicationView saveDraft(@PathVariable UUID id, @Valid @RequestBody ApplicationForm form,
			Authentication citizen) {
		return ApplicationView.of(intake.saveDraft(id, citizen.getName(), form));
	}

	/**
	 * What to sign, for NCALayer's {@code createCAdESFromBase64}: the content in base64 and its SHA-256.
	 *
	 * @param content the canonical JSON of the application, base64
	 */
	record ToSign(String content, String sha256) {
	}

	@GetMapping("/applications/{id}/signing-content")
	@PreAuthorize("hasRole('citizen')")
	ToSign signingContent(@PathVariable UUID id, Authentication citizen) {
		byte[] content = intake.signingContent(id, citizen.getName());
		return new ToSign(Base64.getEncoder().encodeToString(content), SigningContent.sha256(content));
	}

	/** @param signature the CMS (PKCS#7) signature over the signing content, base64, as NCALayer returns it */
	record Submission(@NotBlank @Size(max = 200_000) @Pattern(regexp = "[A-Za-z0-9+/=\\s]+",
			message = "{kz.khc.elorda.applications.signature}") String signature) {

		/** Not base64 after all (padding in the middle): no CMS, refused as malformed by the check. */
		byte[] cms() {
			try {
				return Base64.getMimeDecoder().decode(signature);
			}
			catch (IllegalArgumentException ex) {
				return new byte[0];
			}
		}
	}

	@PostMapping("/applications/{id}/submission")
	@PreAuthorize("hasRole('citizen')")
	ApplicationView submit(@PathVariable UUID id, @Valid @RequestBody Submission submission, Authentication citizen) {
		return ApplicationView.of(intake.submit(id, citizen.getName(), submission.cms()));
	}

	@GetMapping("/my/applications")
	@PreAuthorize("hasRole('citizen')")
	List<ApplicationView> mine(Authentication citizen, Locale locale) {
		return applications.byApplicant(citizen.getName()).stream().map(mine -> forApplicant(mine, locale)).toList();
	}

	@GetMapping("/applications/{id}")
	@PreAuthorize("hasRole('akimat-officer') or hasRole('citizen')")
	ApplicationView one(@PathVariable UUID id, Authentication reader, Locale locale) {
		if (!reader.getAuthorities().contains(AKIMAT_OFFICER)) {
			return forApplicant(intake.own(id, reader.getName()), locale);
		}
		return applications.byId(id)
			.filter(application -> !application.draft()) // a draft is the applicant's own business
			.map(application -> forStaff(List.of(application), locale).getFirst())
			.orElseThrow(ApplicationIntake.NotFound::new);
	}

	record ApplicationPage(List<ApplicationView> items, int page, int size, long total) {
	}

	@GetMapping("/applications")
	@PreAuthorize("hasRole('akimat-officer')")
	ApplicationPage list(@RequestParam(required = false) @Nullable ProgrammeCategory category,
			@RequestParam(required = false) Application.@Nullable Status status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, Locale locale) {
		return new ApplicationPage(forStaff(applications.page(category, status, page, size), locale), page, size,
				applications.count(category, status));
	}

	/** With the decision, the deadline (staff see who decided) and the automatic assessment. */
	private List<ApplicationView> forStaff(List<Application> submitted, Locale locale) {
		Map<UUID, VerificationView> verification = verifications.forStaff(submitted.stream()
			.map(application -> new Verifications.Subject(application.id(), application.editionId()))
			.toList(), locale);
		Map<UUID, Assessments.Assessment> assessed = assessments.latest(submitted.stream().map(Application::id).toList());
		return submitted.stream()
			.map(application -> ApplicationView.of(application, verification.get(application.id()),
					assessed.get(application.id())))
			.toList();
	}

	/** With the decision once there is one, not who took it. */
	private ApplicationView forApplicant(Application own, Locale locale) {
		return ApplicationView.of(own, own.draft() ? null : verifications.forApplicant(own.id(), locale).orElse(null),
				null);
	}

	/** Citizens sign in with their IIN as the username. */
	private static Iin iinOf(Jwt citizen) {
		String username = citizen.getClaimAsString("preferred_username");
		if (username == null || !Iin.isValid(username)) {
			throw new NoIin();
		}
		return new Iin(username);
	}

	static final class NoIin extends RuntimeException {

		NoIin() {
			super(null, null, false, false);
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noIin(NoIin ex, Locale locale) {
		return respond(problems.of(HttpStatus.FORBIDDEN, "forbidden", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ApplicationIntake.NotFound ex, Locale locale) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> intakeClosed(ApplicationIntake.IntakeClosed ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "intake-closed", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> alreadyApplied(ApplicationIntake.AlreadyApplied ex, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "already-applied", locale);
		problem.setProperty("applicationId", ex.existing);
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notADraft(ApplicationIntake.NotADraft ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "application-submitted", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> familyAlreadyApplied(ApplicationIntake.FamilyAlreadyApplied ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "family-already-applied", locale));
	}

	/**
	 * A document missing or out of its window, for the applicant: its type in their language, the holder's IIN (their
	 * own family's) and what is wrong.
	 */
	record DocumentError(Edition.DocumentType type, String holderIin, DocumentCheck.Finding.Problem problem,
			@Nullable Integer maxAgeDays, String message) {
	}

	/** Each field at fault, then each document (as field {@code documents}); the documents in detail besides. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> incomplete(ApplicationIntake.Incomplete ex, Locale locale) {
		List<DocumentError> documents = ex.documents.stream().map(problem -> {
			DocumentCheck.Finding finding = problem.finding();
			String type = messages.getMessage("kz.khc.elorda.documents.type." + finding.type(), null,
					finding.type().name(), locale);
			String key = "kz.khc.elorda.documents.finding." + finding.problem();
			return new DocumentError(finding.type(), finding.holderIin(), finding.problem(), problem.maxAgeDays(),
					messages.getMessage(key, new Object[] { type, finding.holderIin(), problem.maxAgeDays() }, key,
							locale));
		}).toList();
		List<Problems.FieldError> errors = new ArrayList<>(ex.problems.stream()
			.map(problem -> new Problems.FieldError(problem.field(),
					messages.getMessage(problem.message(), null, problem.message(), locale)))
			.toList());
		documents.forEach(document -> errors.add(new Problems.FieldError("documents", document.message())));
		ProblemDetail problem = problems.withFieldErrors(
				problems.of(HttpStatus.BAD_REQUEST, "application-incomplete", locale), errors);
		if (!documents.isEmpty()) {
			problem.setProperty("documents", documents);
		}
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> changedAfterSigning(ApplicationIntake.ChangedAfterSigning ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "changed-after-signing", locale));
	}

	/**
	 * A refused signature names its reason; one whose revocation status could not be learned (the national OCSP and
	 * CRL both unreachable) is worth sending again later, and says when.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> signatureRefused(SignatureRefused ex, Locale locale) {
		if (ex.retryable()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "60")
				.body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "signature-unverifiable", locale));
		}
		String reason = ex.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "signature-refused", locale,
				messages.getMessage("kz.khc.elorda.signature." + reason, null, reason, locale));
		problem.setProperty("reason", ex.reason());
		return respond(problem);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
