package kz.khc.notification.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The SMS provider's delivery receipts. The provider cannot hold a Keycloak token: it proves itself with the
 * shared secret in {@code X-Receipt-Token}, compared in constant time.
 */
@RestController
class ReceiptController {

	static final String PATH = "/api/notifications/v1/provider-receipts/sms";

	private static final Logger log = LoggerFactory.getLogger(ReceiptController.class);

	private final Messages messages;
	private final byte[] token;
	private final Clock clock;

	ReceiptController(Messages messages, SmsProperties properties, Clock clock) {
		this.messages = messages;
		this.token = properties.receiptToken().getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
	}

	@PostMapping(PATH)
	@Transactional
	ResponseEntity<Void> receipt(@RequestHeader(name = "X-Receipt-Token", required = false) @Nullable String secret,
			@Valid @RequestBody Receipt receipt) {
		if (secret == null || !MessageDigest.isEqual(token, secret.getBytes(StandardCharsets.UTF_8))) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
		}
		MessageStatus status = switch (receipt.status()) {
			case "DELIVRD" -> MessageStatus.DELIVERED;
			case "UNDELIV", "EXPIRED", "REJECTD", "DELETED" -> MessageStatus.UNDELIVERED;
			// accepted, en route: nothing new to record
			default -> null;
		};
		if (status != null && !messages.receipt(Channel.SMS, receipt.messageId(), status,
				"receipt " + receipt.status(), Instant.now(clock))) {
			log.warn("Receipt for unknown provider message {}", receipt.messageId());
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	/** @param status the operator's state: {@code DELIVRD}, {@code UNDELIV}, {@code EXPIRED}, {@code REJECTD}… */
	record Receipt(@NotBlank String messageId, @NotBlank String status) {
	}
}
