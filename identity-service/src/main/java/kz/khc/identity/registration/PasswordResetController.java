package kz.khc.identity.registration;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.khc.identity.web.AnswerTime;
import kz.khc.identity.web.ValidIin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The forgotten password (DOMAIN I3) for people who are not signed in: the same steps and the same answers as
 * primary authorization, so that nothing tells whether the account, IIN or mobile is known.
 */
@RestController
@RequestMapping("/api/identity/v1/password-resets")
class PasswordResetController {

	private final PasswordReset reset;
	private final Captcha captcha;
	private final RegistrationController.Settings settings;

	PasswordResetController(PasswordReset reset, Captcha captcha, RegistrationController.Settings settings) {
		this.reset = reset;
		this.captcha = captcha;
		this.settings = settings;
	}

	@PostMapping
	ResponseEntity<RegistrationController.Challenge> start(@Valid @RequestBody Start start,
			HttpServletRequest request, Locale locale) {
		var answer = AnswerTime.atLeast(settings.minAnswerTime());
		try {
			if (!captcha.passed(start.captchaToken(), request.getRemoteAddr())) {
				throw new CodeFlowErrors.CaptchaFailed();
			}
			return ResponseEntity.accepted()
				.body(RegistrationController.Challenge.of(reset.start(start.accountNumber(), start.iin(),
						start.mobile(), request.getRemoteAddr(), locale)));
		}
		finally {
			answer.waitOut();
		}
	}

	@PostMapping("/{challengeId}/resend")
	ResponseEntity<RegistrationController.Challenge> resend(@PathVariable UUID challengeId,
			HttpServletRequest request, Locale locale) {
		var answer = AnswerTime.atLeast(settings.minAnswerTime());
		try {
			return ResponseEntity.accepted()
				.body(RegistrationController.Challenge.of(reset.resend(challengeId, request.getRemoteAddr(), locale)));
		}
		finally {
			answer.waitOut();
		}
	}

	@PostMapping("/{challengeId}/code")
	RegistrationController.Confirmed confirm(@PathVariable UUID challengeId,
			@Valid @RequestBody RegistrationController.Code code, HttpServletRequest request) {
		reset.confirm(challengeId, code.code(), request.getRemoteAddr());
		return new RegistrationController.Confirmed(true);
	}

	@PostMapping("/{challengeId}/password")
	Changed password(@PathVariable UUID challengeId,
			@Valid @RequestBody RegistrationController.NewPassword password, HttpServletRequest request) {
		reset.setPassword(challengeId, password.password(), password.repeated(), request.getRemoteAddr());
		return new Changed(true);
	}

	record Start(@NotNull @Pattern(regexp = "\\d{12}") String accountNumber, @NotNull @ValidIin String iin,
			@NotNull @ValidIin.KazakhMobile String mobile, @NotBlank @Size(max = 4096) String captchaToken) {
	}

	/** The new password works now; every earlier session has ended. */
	record Changed(boolean changed) {
	}
}
