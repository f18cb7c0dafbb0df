package kz.khc.notification.account;

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
import kz.khc.notification.messaging.IncomingEvents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * From the identity service's events: the person's mobile, email and language (kept in the contact book), the
 * email confirmation letter (DOMAIN I4), and the security notices a bank's customer expects — password changed,
 * login locked.
 */
@Component
class AccountEvents {

	private final Notifications notifications;
	private final ContactBook contacts;
	private final IncomingEvents events;

	AccountEvents(Notifications notifications, ContactBook contacts, IncomingEvents events) {
		this.notifications = notifications;
		this.contacts = contacts;
		this.events = events;
	}

	@KafkaListener(topics = { UserRegistered.TOPIC, EmailVerificationRequested.TOPIC, EmailVerified.TOPIC,
			PasswordChanged.TOPIC, AccountLocked.TOPIC })
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		switch (record.topic()) {
			case UserRegistered.TOPIC -> events.once(record, UserRegistered.class, event -> contacts
				.learn(event.userId(), event.iin(), new ContactDetails(event.mobile(), null, event.language())));
			case EmailVerificationRequested.TOPIC -> events.once(record, EmailVerificationRequested.class,
					event -> notifications.send(Outgoing
						.of(event.userId(), MessageKind.EMAIL_VERIFICATION, event.eventId().toString(),
								event.verificationUrl(), event.expiresAt(), Notifications.masked(event.email()))
						.emailTo(event.email())
						.languageHint(event.language())));
			case EmailVerified.TOPIC -> events.once(record, EmailVerified.class,
					event -> contacts.emailVerified(event.userId(), event.email()));
			case PasswordChanged.TOPIC -> events.once(record, PasswordChanged.class,
					event -> notifications.send(Outgoing.of(event.userId(), MessageKind.PASSWORD_CHANGED,
							event.eventId().toString(), event.changedAt())));
			case AccountLocked.TOPIC -> events.once(record, AccountLocked.class,
					event -> notifications.send(Outgoing.of(event.userId(), MessageKind.ACCOUNT_LOCKED,
							event.eventId().toString(), event.lockedUntil(), event.failedAttempts())));
			default -> throw new IllegalArgumentException("not an identity topic: " + record.topic());
		}
	}
}
