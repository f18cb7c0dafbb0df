package kz.khc.elorda.applications;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import kz.khc.contracts.ContactDetails;
import kz.khc.contracts.Iin;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@RestController
@RequestMapping("/api/elorda/v1")

class ApplicationController {

	private static final SimpleGrantedAuthority AKIMAT_OFFICER = new SimpleGrantedAuthority("ROLE_akimat-officer");

	private final ApplicationIntake intake;
	private final Applications applications;

	ApplicationController(ApplicationIntake intake, Applications applications) {
		this.intake = intake;
		this.applications = applications;
	}

	@PostMapping("/applications")
	@PreAuthorize("hasRole('citizen')")
	ResponseEntity<ApplicationView> submit(@AuthenticationPrincipal Jwt applicant,
			@Valid @RequestBody SubmitApplication request, Locale locale) {
		// until the application form asks for them (issue 7), the contact details come from the login
		String username = applicant.getClaimAsString("preferred_username");
		String iin = username != null && Iin.isValid(username) ? username : null;
		ContactDetails contact = new ContactDetails(null, applicant.getClaimAsString("email"), locale.getLanguage());
		Application application = intake.submit(applicant.getSubject(), iin, contact, request.category());
		return ResponseEntity.created(URI.create("/api/elorda/v1/applications/" + application.id()))
			.body(ApplicationView.of(application));
	}

	@GetMapping("/my/applications")
	@PreAuthorize("hasRole('citizen')")
	List<ApplicationView> mine(@AuthenticationPrincipal Jwt applicant) {
		return applications.byApplicant(applicant.getSubject()).stream().map(ApplicationView::of).toList();
	}

	@GetMapping("/applications/{id}")
	@PreAuthorize("hasRole('akimat-officer') or hasRole('citizen')")
	ApplicationView one(@PathVariable UUID id, Authentication reader) {
		boolean staff = reader.getAuthorities().contains(AKIMAT_OFFICER);
		return applications.byId(id)
			.filter(application -> staff || application.applicantId().equals(reader.getName()))
			.map(ApplicationView::of)
			// a citizen asking for someone else's application learns nothing, not even that it exists
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	@GetMapping("/applications")
	@PreAuthorize("hasRole('akimat-officer')")
	ApplicationPage list(@RequestParam(required = false) @Nullable ProgrammeCategory category,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return new ApplicationPage(
				applications.page(category, page, size).stream().map(ApplicationView::of).toList(), page, size,
				applications.count(category));
	}

	record SubmitApplication(@NotNull ProgrammeCategory category) {
	}

	record ApplicationView(UUID id, String number, ProgrammeCategory category, String status, Instant submittedAt) {

		static ApplicationView of(Application application) {
			return new ApplicationView(application.id(), application.number(), application.category(), "SUBMITTED",
					application.submittedAt());
		}
	}

	record ApplicationPage(List<ApplicationView> items, int page, int size, long total) {
	}
}
