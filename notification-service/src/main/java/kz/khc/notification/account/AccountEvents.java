package kz.khc.notification.account;

import java.util.UUID;

import kz.khc.contracts.ContactDetails;
import kz.khc.contracts.identity.v1.AccountLocked;
import kz.khc.contracts.identity.v1.EmailVerificationRequested;
import kz.khc.contracts.identity.v1.EmailVerified;
import kz.khc.contracts.identity.v1.PasswordChanged;
import kz.khc.contracts.identity.v1.UserRegistered;
import kz.khc.notification.contacts.ContactBook;
import kz.khc.notification.messages.MessageKind;
import kz.khc.notification.messages.Notifications;
import kz.khc.notification.messages.Outgoing;
import kz.khc.notification.messaging.ProcessedEvents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * From the identity service's events: the person's mobile, email and language (kept in the contact book), the
 * email confirmation letter (DOMAIN I4), and the security notices a bank's customer expects — password changed,
 * login locked.
 */
@Component
class AccountEvents {

	private static final Logger log = LoggerFactory.getLogger(AccountEvents.class);

	private final Notifications notifications;
	private final ContactBook contacts;
	private final ProcessedEvents processed;
	private final JsonMapper json;

	AccountEvents(Notifications notifications, ContactBook contacts, ProcessedEvents processed, JsonMapper json) {
		this.notifications = notifications;
		this.contacts = contacts;
		this.processed = processed;
		this.json = json;
	}

	@KafkaListener(topics = { UserRegistered.TOPIC, EmailVerificationRequested.TOPIC, EmailVerified.TOPIC,
			PasswordChanged.TOPIC, AccountLocked.TOPIC })
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		switch (record.topic()) {
			case UserRegistered.TOPIC -> {
				var event = json.readValue(record.value(), UserRegistered.class);
				if (first(event.eventId(), record)) {
					contacts.learn(event.userId(), event.iin(),
							new ContactDetails(event.mobile(), null, event.language()));
				}
			}
			case EmailVerificationRequested.TOPIC -> {
				var event = json.readValue(record.value(), EmailVerificationRequested.class);
				if (first(event.eventId(), record)) {
					notifications.send(Outgoing
						.of(event.userId(), MessageKind.EMAIL_VERIFICATION, event.eventId().toString(),
								event.verificationUrl(), event.expiresAt(), Notifications.masked(event.email()))
						.emailTo(event.email())
						.languageHint(event.language()));
				}
			}
			case EmailVerified.TOPIC -> {
				var event = json.readValue(record.value(), EmailVerified.class);
				if (first(event.eventId(), record)) {
					contacts.emailVerified(event.userId(), event.email());
				}
			}
			case PasswordChanged.TOPIC -> {
				var event = json.readValue(record.value(), PasswordChanged.class);
				if (first(event.eventId(), record)) {
					notifications.send(Outgoing.of(event.userId(), MessageKind.PASSWORD_CHANGED,
							event.eventId().toString(), event.changedAt()));
				}
			}
			case AccountLocked.TOPIC -> {
				var event = json.readValue(record.value(), AccountLocked.class);
				if (first(event.eventId(), record)) {
					notifications.send(Outgoing.of(event.userId(), MessageKind.ACCOUNT_LOCKED,
							event.eventId().toString(), event.lockedUntil(), event.failedAttempts()));
				}
			}
			default -> throw new IllegalArgumentException("not an identity topic: " + record.topic());
		}
	}

	private boolean first(UUID eventId, ConsumerRecord<String, byte[]> record) {
		boolean first = processed.firstTime(eventId, record.topic());
		if (!first) {
			log.info("Event {} already processed, skipped", eventId);
		}
		return first;
	}
}
