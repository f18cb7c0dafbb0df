package kz.khc.identity.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.khc.identity.codes.OneTimeCodes;
import kz.khc.identity.web.AnswerTime;
import kz.khc.identity.web.ValidIin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Primary authorization for people who are not signed in (DOMAIN I1): the five values, captcha and consent, then the
 * code from the SMS. Whether the values matched shows neither in the status, nor in the body, nor in the time of
 * the answer: every start and resend takes at least {@code identity.registration.min-answer-time}.
 */
@RestController
@RequestMapping("/api/identity/v1/registrations")
class RegistrationController {

	private final PrimaryAuthorization authorization;
	private final Captcha captcha;
	private final Settings settings;

	RegistrationController(PrimaryAuthorization authorization, Captcha captcha, Settings settings) {
		this.authorization = authorization;
		this.captcha = captcha;
		this.settings = settings;
	}

	@PostMapping
	ResponseEntity<Challenge> start(@Valid @RequestBody Start start, HttpServletRequest request, Locale locale) {
		var answer = AnswerTime.atLeast(settings.minAnswerTime());
		try {
			if (!captcha.passed(start.captchaToken(), request.getRemoteAddr())) {
				throw new CodeFlowErrors.CaptchaFailed();
			}
			var started = authorization.start(new PrimaryAuthorization.Details(start.userType(), start.accountNumber(),
					start.iin(), start.contractNumber(), start.contractDate(), start.mobile(), request.getRemoteAddr(),
					locale));
			return ResponseEntity.accepted().body(Challenge.of(started));
		}
		finally {
			answer.waitOut();
		}
	}

	@PostMapping("/{challengeId}/resend")
	ResponseEntity<Challenge> resend(@PathVariable UUID challengeId, HttpServletRequest request, Locale locale) {
		var answer = AnswerTime.atLeast(settings.minAnswerTime());
		try {
			return ResponseEntity.accepted()
				.body(Challenge.of(authorization.resend(challengeId, request.getRemoteAddr(), locale)));
		}
		finally {
			answer.waitOut();
		}
	}

	@PostMapping("/{challengeId}/code")
	Confirmed confirm(@PathVariable UUID challengeId, @Valid @RequestBody Code code, HttpServletRequest request) {
		authorization.confirm(challengeId, code.code(), request.getRemoteAddr());
		return new Confirmed(true);
	}

	@PostMapping("/{challengeId}/password")
	ResponseEntity<Registered> password(@PathVariable UUID challengeId, @Valid @RequestBody NewPassword password,
			HttpServletRequest request, Locale locale) {
		authorization.setPassword(challengeId, password.password(), password.repeated(), request.getRemoteAddr(),
				locale);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Registered(true));
	}

	/**
	 * @param userType {@code CLIENT} or {@code CO_INVESTOR} («Дольщик»)
	 * @param captchaToken what the "I am not a robot" widget gave the page
	 * @param termsAccepted consent to the cabinet's terms
	 */
	record Start(@NotNull @Pattern(regexp = "CLIENT|CO_INVESTOR") String userType,
			@NotNull @Pattern(regexp = "\\d{12}") String accountNumber, @NotNull @ValidIin String iin,
			@NotBlank @Size(max = 40) String contractNumber, @NotNull @Past LocalDate contractDate,
			@NotNull @ValidIin.KazakhMobile String mobile, @NotBlank @Size(max = 4096) String captchaToken,
			@NotNull @AssertTrue Boolean termsAccepted) {
	}

	record Code(@NotNull @Pattern(regexp = "\\d{6}") String code) {
	}

	/** @param challengeId what the next calls name; the code itself went by SMS (when the values matched) */
	record Challenge(UUID challengeId, Instant expiresAt, Instant resendableAt) {

		static Challenge of(OneTimeCodes.Started started) {
			return new Challenge(started.challengeId(), started.expiresAt(), started.resendableAt());
		}
	}

	record Confirmed(boolean verified) {
	}

	/** Typed twice (DOMAIN I2); never logged. */
	record NewPassword(@NotNull @Size(max = 128) String password, @NotNull @Size(max = 128) String repeated) {

		@Override
		public String toString() {
			return "NewPassword[…]";
		}
	}

	/** The account exists now: the person logs in with the IIN or account number and this password. */
	record Registered(boolean registered) {
	}

	/** @param minAnswerTime no start or resend is answered sooner: longer than sending an SMS usually takes */
	@ConfigurationProperties("identity.registration")
	record Settings(Duration minAnswerTime) {
	}
}
