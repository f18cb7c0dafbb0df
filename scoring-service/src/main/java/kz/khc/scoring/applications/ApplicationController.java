package kz.khc.scoring.applications;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.khc.scoring.web.Problems;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What scoring decided about an application, in the {@code Accept-Language} (ru, kk, en): for the akimat verifying
 * it, and for the citizen about their own. Personal data: never cached.
 */
@RestController
class ApplicationController {

	private final Applications applications;
	private final Problems problems;

	ApplicationController(Applications applications, Problems problems) {
		this.applications = applications;
		this.problems = problems;
	}

	@GetMapping("/api/scoring/v1/applications/{id}/assessment")
	@PreAuthorize("hasRole('akimat-officer')")
	ResponseEntity<?> assessment(@PathVariable UUID id, Locale locale) {
		return applications.view(id, locale)
			.<ResponseEntity<?>>map(view -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(problems.of(HttpStatus.NOT_FOUND, "not-found", locale)));
	}

	@GetMapping("/api/scoring/v1/my/applications")
	@PreAuthorize("hasRole('citizen')")
	ResponseEntity<List<Applications.View>> mine(Authentication citizen, Locale locale) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(applications.ofApplicant(citizen.getName(), locale));
	}
}
