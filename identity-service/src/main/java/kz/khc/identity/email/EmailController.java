package kz.khc.identity.email;

import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import kz.khc.identity.suite.KeycloakUsers;
import kz.khc.identity.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** DOMAIN I4: the signed-in client's email, and the link that confirms it (which needs no sign-in: it is the proof). */
@RestController
class EmailController {

	private final EmailVerifications verifications;
	private final Problems problems;

	EmailController(EmailVerifications verifications, Problems problems) {
		this.verifications = verifications;
		this.problems = problems;
	}

	@PutMapping("/api/identity/v1/me/email")
	@PreAuthorize("hasRole('citizen')")
	ResponseEntity<?> change(@AuthenticationPrincipal Jwt citizen, @Valid @RequestBody NewEmail email,
			Locale locale) {
		String accountNumber = citizen.getClaimAsString("account_number");
		if (accountNumber == null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.of(HttpStatus.FORBIDDEN, "forbidden", locale));
		}
		var requested = verifications.request(citizen.getSubject(), accountNumber, email.email(), locale);
		return ResponseEntity.accepted().body(new Pending(requested.email(), false, requested.expiresAt()));
	}

	@PostMapping("/api/identity/v1/email-confirmations")
	ResponseEntity<?> confirm(@Valid @RequestBody Link link, HttpServletRequest request, Locale locale) {
		var confirmation = verifications.confirm(link.token(), request.getRemoteAddr());
		return switch (confirmation.outcome()) {
			case CONFIRMED -> ResponseEntity.ok(new Confirmed(confirmation.email(), true));
			case INVALID -> problem(HttpStatus.BAD_REQUEST, "email-link-invalid", locale);
			case USED -> problem(HttpStatus.CONFLICT, "email-link-used", locale);
			case EXPIRED -> problem(HttpStatus.GONE, "email-link-expired", locale);
			case SUPERSEDED -> problem(HttpStatus.GONE, "email-link-superseded", locale);
		};
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> taken(KeycloakUsers.AlreadyRegistered ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, "email-taken", locale);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, Locale locale) {
		return ResponseEntity.status(status).body(problems.of(status, code, locale));
	}

	/** Checked as typed less the spaces around it, and kept in lower case (as Keycloak keeps it). */
	record NewEmail(@NotBlank @Email @Size(max = 254) String email) {

		NewEmail {
			email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
		}
	}

	record Link(@NotBlank @Size(max = 200) String token) {

		@Override
		public String toString() {
			return "Link[…]";
		}
	}

	/** The letter is on its way; the address shows unconfirmed until the link is followed. */
	record Pending(String email, boolean verified, Instant linkExpiresAt) {
	}

	record Confirmed(String email, boolean verified) {
	}
}
