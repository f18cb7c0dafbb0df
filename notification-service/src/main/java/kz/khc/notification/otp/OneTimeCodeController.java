package kz.khc.notification.otp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import kz.khc.notification.contacts.Contact;
import kz.khc.notification.messages.DeliveryFailure;
import kz.khc.notification.messages.MessageKind;
import kz.khc.notification.messages.MessageStatus;
import kz.khc.notification.messages.Messages;
import kz.khc.notification.messages.Notifications;
import kz.khc.notification.messages.SmsProvider;
import kz.khc.notification.messages.Templates;
import kz.khc.notification.web.Problems;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a one-time code for the identity service, synchronously: the provider takes it within the deadline
 * (one second) or the caller gets a clear 503 at once and can let the person retry. The code is in the SMS only:
 * the log keeps the message's number, time and status, never its text.
 */
@RestController
@PreAuthorize("hasRole('identity-service')")
class OneTimeCodeController {

	private static final Logger log = LoggerFactory.getLogger(OneTimeCodeController.class);

	static final String MOBILE = "\\+77(00|01|02|05|06|07|08|47|60|61|62|63|64|71|75|76|77|78|85)\\d{7}";

	private final SmsProvider sms;
	private final Messages messages;
	private final Templates templates;
	private final Settings settings;
	private final Problems problems;
	private final Clock clock;

	OneTimeCodeController(SmsProvider sms, Messages messages, Templates templates, Settings settings,
			Problems problems, Clock clock) {
		this.problems = problems;
		this.sms = sms;
		this.messages = messages;
		this.templates = templates;
		this.settings = settings;
		this.clock = clock;
	}

	@PostMapping("/internal/notifications/v1/one-time-codes")
	ResponseEntity<Sent> send(@Valid @RequestBody CodeRequest request) {
		String mobile = request.mobile();
		Locale locale = Contact.localeOf(request.language());
		String text = templates.sms(MessageKind.ONE_TIME_CODE, locale, request.code(), request.validMinutes());
		UUID id = UUID.randomUUID();
		try {
			String providerId = sms.sendNow(id, mobile, text, settings.deadline());
			messages.oneTimeCodeSent(id, request.personId(), mobile, providerId, null, Instant.now(clock));
			return ResponseEntity.accepted().body(new Sent(id, MessageStatus.SENT));
		}
		catch (DeliveryFailure ex) {
			messages.oneTimeCodeSent(id, request.personId(), mobile, null, ex.getMessage(), Instant.now(clock));
			log.warn("One-time code {} to {} not sent: {}", id, Notifications.masked(mobile), ex.getMessage());
			throw ex.permanent() ? new CodeRejected() : new ProviderUnavailable(settings.retryAfter());
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(ProviderUnavailable ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter.toSeconds()))
			.body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "sms-provider-unavailable", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(CodeRejected ex, Locale locale) {
		return ResponseEntity.unprocessableContent()
			.body(problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "sms-rejected", locale));
	}

	record CodeRequest(@NotNull @Pattern(regexp = MOBILE) String mobile,
			@NotNull @Pattern(regexp = "\\d{6}") String code,
			@Pattern(regexp = "REGISTRATION|PASSWORD_RESET|LOGIN") @NotNull String purpose,
			@Nullable String language, @Nullable String personId, @Nullable Integer minutes) {

		int validMinutes() {
			return minutes == null ? 5 : minutes;
		}

		@Override
		public String toString() {
			// a request is never logged with its code
			return "CodeRequest[mobile=" + Notifications.masked(mobile) + ", purpose=" + purpose + "]";
		}
	}

	record Sent(UUID messageId, MessageStatus status) {
	}

	/** @param deadline how long the provider may take to accept a code, all attempts together */
	@ConfigurationProperties("notifications.one-time-codes")
	record Settings(Duration deadline, Duration retryAfter) {
	}

	static class ProviderUnavailable extends RuntimeException {

		final Duration retryAfter;

		ProviderUnavailable(Duration retryAfter) {
			super(null, null, false, false);
			this.retryAfter = retryAfter;
		}
	}

	static class CodeRejected extends RuntimeException {

		CodeRejected() {
			super(null, null, false, false);
		}
	}
}
