package kz.khc.notification.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.MobileNumber;
import kz.khc.notification.contacts.Contact;
import kz.khc.notification.contacts.ContactBook;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates notifications: renders them in the person's language, keeps the inbox copy and queues one message per
 * channel the person can be reached on. Each source gives one notification, however often its event arrives.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final Messages messages;
	private final ContactBook contacts;
	private final Templates templates;
	private final SmsProperties sms;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Notifications(Messages messages, ContactBook contacts, Templates templates, SmsProperties sms,
			ApplicationEventPublisher events, Clock clock) {
		this.messages = messages;
		this.contacts = contacts;
		this.templates = templates;
		this.sms = sms;
		this.events = events;
		this.clock = clock;
	}

	/** The new notification's id; empty if this source was notified already. */
	@Transactional
	public Optional<UUID> send(Outgoing outgoing) {
		Instant now = Instant.now(clock);
		Instant due = outgoing.due() == null || outgoing.due().isBefore(now) ? now : outgoing.due();
		Contact contact = contacts.find(outgoing.personId());
		MessageKind kind = outgoing.kind();
		Templates.Rendered texts = templates.render(kind, contact.locale(outgoing.languageHint()),
				outgoing.args().toArray());
		UUID id = UUID.randomUUID();
		if (!messages.addNotification(id, outgoing, contact.iin(), texts, now, due)) {
			log.info("{} from {} exists already, not sent again", kind, outgoing.sourceKey());
			return Optional.empty();
		}
		if (outgoing.attachment() != null) {
			messages.addAttachment(id, outgoing.attachment().apply(texts.locale()));
		}
		for (Channel channel : kind.channels()) {
			String destination = channel == Channel.SMS ? contact.mobile()
					: outgoing.emailTo() != null ? outgoing.emailTo() : contact.email();
			String content = channel == Channel.SMS ? texts.sms() : texts.body();
			if (destination == null || content == null) {
				log.info("No {} known for person {}: {} kept in the inbox only", channel, outgoing.personId(), kind);
				continue;
			}
			if (channel == Channel.SMS) {
				content = SmsText.fit(content, sms.maxSegments());
			}
			messages.add(UUID.randomUUID(), id, outgoing.personId(), kind, channel, destination, content,
					MessageStatus.PENDING, due, now);
		}
		events.publishEvent(new MessagesQueued(due));
		log.info("{} for person {} queued, due {}", kind, outgoing.personId(), due);
		return Optional.of(id);
	}

	/** Withdraws what is still pending of the correlated notifications of these kinds (a reminder no longer due). */
	@Transactional
	public void cancel(String correlation, Collection<MessageKind> kinds, String reason) {
		int cancelled = messages.cancel(correlation, kinds, reason, Instant.now(clock));
		if (cancelled > 0) {
			log.info("{} pending message(s) of {} cancelled: {}", cancelled, correlation, reason);
		}
	}

	/** Published when messages were queued; the dispatcher looks at once after the commit. */
	record MessagesQueued(Instant due) {
	}

	/** For logs: {@code +7701*****67}, {@code d***@example.kz}. */
	public static String masked(@Nullable String destination) {
		if (destination == null) {
			return "";
		}
		int at = destination.indexOf('@');
		if (at >= 0) {
			return (at > 0 ? destination.charAt(0) : "") + "***" + destination.substring(at);
		}
		return MobileNumber.isValid(destination) ? MobileNumber.parse(destination).masked() : "***";
	}
}
