package kz.khc.identity.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.khc.identity.web.ValidIin;
import kz.khc.identity.suite.SuiteUnavailable;
import kz.khc.identity.web.AnswerTime;
import kz.khc.identity.web.Problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens' sessions (DOMAIN I3): log in with user type, account number, IIN and password; refresh; log out. The
 * answers carry tokens, so nothing may cache them. A refused login takes at least
 * {@code identity.login.min-answer-time}, and looks the same for an IIN with an account and one without.
 */
@RestController
@RequestMapping("/api/identity/v1/sessions")
class LoginController {

	private static final Logger log = LoggerFactory.getLogger(LoginController.class);

	private final Logins logins;
	private final LoginSettings settings;
	private final Problems problems;
	private final Clock clock;

	LoginController(Logins logins, LoginSettings settings, Problems problems, Clock clock) {
		this.logins = logins;
		this.settings = settings;
		this.problems = problems;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<Session> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		var answer = AnswerTime.atLeast(settings.minAnswerTime());
		try {
			return session(logins.login(new Logins.Attempt(credentials.userType(), credentials.accountNumber(),
					credentials.iin(), credentials.password(), request.getRemoteAddr())));
		}
		catch (Logins.Refused | Logins.Locked ex) {
			answer.waitOut();
			throw ex;
		}
	}

	@PostMapping("/refresh")
	ResponseEntity<Session> refresh(@Valid @RequestBody Refresh refresh, HttpServletRequest request) {
		return session(logins.refresh(refresh.refreshToken(), request.getRemoteAddr()));
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(@Valid @RequestBody Refresh refresh, HttpServletRequest request) {
		logins.logout(refresh.refreshToken(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Session> session(KeycloakTokens.Tokens tokens) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Session(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
					tokens.refreshExpiresIn()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(Logins.Refused ex, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.UNAUTHORIZED, "login-failed", locale, ex.attemptsLeft);
		problem.setProperty("attemptsLeft", ex.attemptsLeft);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> locked(Logins.Locked ex, Locale locale) {
		long seconds = Math.max(1, Duration.between(Instant.now(clock), ex.until).toSeconds());
		ProblemDetail problem = problems.of(HttpStatus.TOO_MANY_REQUESTS, "account-locked", locale,
				Math.ceilDiv(seconds, 60));
		problem.setProperty("lockedUntil", ex.until);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> sessionEnded(Logins.SessionEnded ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(problems.of(HttpStatus.UNAUTHORIZED, "session-ended", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(SuiteUnavailable ex, Locale locale) {
		log.warn("Login step failed: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "login-unavailable", locale));
	}

	/**
	 * @param userType {@code CLIENT} or {@code CO_INVESTOR} («Дольщик»)
	 * @param password never logged
	 */
	record Credentials(@NotNull @Pattern(regexp = "CLIENT|CO_INVESTOR") String userType,
			@NotNull @Pattern(regexp = "\\d{12}") String accountNumber, @NotNull @ValidIin String iin,
			@NotNull @Size(min = 1, max = 128) String password) {

		@Override
		public String toString() {
			return "Credentials[userType=" + userType + "]";
		}
	}

	record Refresh(@NotBlank @Size(max = 8192) String refreshToken) {

		@Override
		public String toString() {
			return "Refresh[…]";
		}
	}

	/** As OAuth 2.0 names them, in the suite's JSON style; the access token goes in {@code Authorization: Bearer}. */
	record Session(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {

		@Override
		public String toString() {
			return "Session[expiresIn=" + expiresIn + "]";
		}
	}
}
