package kz.khc.notification.messages;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications, their messages per channel and each message's status history. Every status change writes the
 * message and its history in one transaction (the caller's, if there is one).
 */
@Repository
public class Messages {

	private final JdbcClient jdbc;

	Messages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code false} if a notification from the same source exists already. */
	boolean addNotification(UUID id, Outgoing outgoing, @Nullable String iin, Templates.Rendered texts,
			Instant now, Instant visibleAt) {
		return jdbc.sql("""
				insert into notification (id, person_id, iin, kind, audience, language, source_key, correlation,
				    subject, body, created_at, visible_at)
				values (:id, :person, :iin, :kind, :audience, :language, :source, :correlation, :subject, :body,
				    :now, :visibleAt)
				on conflict (source_key) do nothing""")
			.param("id", id)
			.param("person", outgoing.personId())
			.param("iin", iin)
			.param("kind", outgoing.kind().name())
			.param("audience", outgoing.kind().audience().name())
			.param("language", texts.locale().getLanguage())
			.param("source", outgoing.sourceKey())
			.param("correlation", outgoing.correlation())
			.param("subject", texts.subject())
			.param("body", texts.inbox())
			.param("now", Timestamp.from(now))
			.param("visibleAt", Timestamp.from(visibleAt))
			.update() == 1;
	}

	void addAttachment(UUID notificationId, Outgoing.Attachment attachment) {
		jdbc.sql("insert into attachment (notification_id, file_name, content_type, content) values (?, ?, ?, ?)")
			.params(notificationId, attachment.fileName(), attachment.contentType(), attachment.content())
			.update();
	}

	/** A message to send; {@code nextAttemptAt} {@code null} for one sent at once by its caller. */
	@Transactional
	void add(UUID id, @Nullable UUID notificationId, @Nullable String personId, MessageKind kind,
			Channel channel, String destination, @Nullable String content, MessageStatus status,
			@Nullable Instant nextAttemptAt, Instant now) {
		jdbc.sql("""
				insert into message (id, notification_id, person_id, kind, audience, channel, destination, content,
				    secret, status, next_attempt_at, created_at, updated_at)
				values (:id, :notification, :person, :kind, :audience, :channel, :destination, :content, :secret,
				    :status, :next, :now, :now)""")
			.param("id", id)
			.param("notification", notificationId)
			.param("person", personId)
			.param("kind", kind.name())
			.param("audience", kind.audience().name())
			.param("channel", channel.name())
			.param("destination", destination)
			.param("content", content)
			.param("secret", kind.secret())
			.param("status", status.name())
			.param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
			.param("now", Timestamp.from(now))
			.update();
		history(id, status, now, null);
	}

	/**
	 * The log of a one-time code sent at once: written after the provider answered, in one transaction, without
	 * the text.
	 */
	@Transactional
	public void oneTimeCodeSent(UUID id, @Nullable String personId, String mobile, @Nullable String providerMessageId,
			@Nullable String error, Instant now) {
		add(id, null, personId, MessageKind.ONE_TIME_CODE, Channel.SMS, mobile, null, MessageStatus.SENDING, null, now);
		if (error == null) {
			sent(id, providerMessageId, now);
		}
		else {
			failed(id, error, now);
		}
	}

	/** A message taken for sending; {@code attempts} counts this one. */
	record Claimed(UUID id, @Nullable UUID notificationId, Channel channel, MessageKind kind, String destination,
			@Nullable String content, int attempts, Instant createdAt) {
	}

	/**
	 * Takes due messages of the given channels for sending. Each is leased until {@code now + lease}: if this
	 * instance dies while sending, another takes it again after that.
	 */
	List<Claimed> claim(Collection<Channel> channels, int limit, Instant now, Duration lease) {
		if (channels.isEmpty() || limit <= 0) {
			return List.of();
		}
		return jdbc.sql("""
				update message m set next_attempt_at = :leaseEnd, attempts = m.attempts + 1, updated_at = :now
				where m.id in (select id from message
				               where status = 'PENDING' and next_attempt_at <= :now and channel in (:channels)
				               order by next_attempt_at limit :limit for update skip locked)
				returning m.id, m.notification_id, m.channel, m.kind, m.destination, m.content, m.attempts,
				    m.created_at""")
			.param("leaseEnd", Timestamp.from(now.plus(lease)))
			.param("now", Timestamp.from(now))
			.param("channels", channels.stream().map(Channel::name).toList())
			.param("limit", limit)
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
					Channel.valueOf(rs.getString("channel")), MessageKind.valueOf(rs.getString("kind")),
					rs.getString("destination"), rs.getString("content"), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The provider took the message; a secret's text is dropped now that it is no longer needed. */
	@Transactional
	void sent(UUID id, @Nullable String providerMessageId, Instant now) {
		jdbc.sql("""
				update message set status = 'SENT', provider_message_id = :provider, last_error = null,
				    next_attempt_at = null, content = case when secret then null else content end, updated_at = :now
				where id = :id""")
			.param("id", id)
			.param("provider", providerMessageId)
			.param("now", Timestamp.from(now))
			.update();
		history(id, MessageStatus.SENT, now, providerMessageId == null ? null : "provider id " + providerMessageId);
	}

	@Transactional
	void retryAt(UUID id, Instant next, String error, Instant now) {
		jdbc.sql("""
				update message set status = 'PENDING', next_attempt_at = :next, last_error = :error, updated_at = :now
				where id = :id""")
			.param("id", id)
			.param("next", Timestamp.from(next))
			.param("error", error)
			.param("now", Timestamp.from(now))
			.update();
		history(id, MessageStatus.PENDING, now, "attempt failed: " + error + "; next at " + next);
	}

	/** Not attempted (the provider's circuit is open): put back without counting an attempt. */
	void postpone(UUID id, Instant next, Instant now) {
		jdbc.sql("""
				update message set next_attempt_at = :next, attempts = attempts - 1, updated_at = :now
				where id = :id and status = 'PENDING'""")
			.param("id", id)
			.param("next", Timestamp.from(next))
			.param("now", Timestamp.from(now))
			.update();
	}

	@Transactional
	void failed(UUID id, String error, Instant now) {
		jdbc.sql("""
				update message set status = 'FAILED', next_attempt_at = null, last_error = :error,
				    content = case when secret then null else content end, updated_at = :now
				where id = :id""")
			.param("id", id)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.update();
		history(id, MessageStatus.FAILED, now, error);
	}

	/** Cancels what is still pending of the correlated notifications of these kinds; returns how many messages. */
	@Transactional
	int cancel(String correlation, Collection<MessageKind> kinds, String reason, Instant now) {
		List<String> names = kinds.stream().map(MessageKind::name).toList();
		List<UUID> ids = jdbc.sql("""
				update message m set status = 'CANCELLED', next_attempt_at = null, updated_at = :now
				from notification n
				where m.notification_id = n.id and n.correlation = :correlation and n.kind in (:kinds)
				  and m.status = 'PENDING'
				returning m.id""")
			.param("now", Timestamp.from(now))
			.param("correlation", correlation)
			.param("kinds", names)
			.query(UUID.class)
			.list();
		ids.forEach(id -> history(id, MessageStatus.CANCELLED, now, reason));
		jdbc.sql("""
				update notification set cancelled_at = :now
				where correlation = :correlation and kind in (:kinds) and visible_at > :now and cancelled_at is null""")
			.param("now", Timestamp.from(now))
			.param("correlation", correlation)
			.param("kinds", names)
			.update();
		return ids.size();
	}

	/**
	 * A provider's receipt: a sent message becomes delivered or undelivered, once; a repeated or late receipt
	 * changes nothing. {@code false} if no message has that provider id.
	 */
	@Transactional
	boolean receipt(Channel channel, String providerMessageId, MessageStatus status, String detail, Instant now) {
		Optional<UUID> updated = jdbc.sql("""
				update message set status = :status, updated_at = :now
				where channel = :channel and provider_message_id = :provider and status = 'SENT'
				returning id""")
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.param("channel", channel.name())
			.param("provider", providerMessageId)
			.query(UUID.class)
			.optional();
		updated.ifPresent(message -> history(message, status, now, detail));
		return updated.isPresent() || jdbc.sql("select count(*) from message where channel = ? and provider_message_id = ?")
			.params(channel.name(), providerMessageId)
			.query(Long.class)
			.single() > 0;
	}

	/** Messages of the channel that are due and waiting to be sent: the backlog to alert on. */
	long due(Channel channel, Instant now) {
		return jdbc.sql("select count(*) from message where status = 'PENDING' and channel = ? and next_attempt_at <= ?")
			.params(channel.name(), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	record EmailParts(String subject, String language, List<Outgoing.Attachment> attachments) {
	}

	EmailParts emailParts(UUID notificationId) {
		var attachments = jdbc.sql("select file_name, content_type, content from attachment where notification_id = ?")
			.param(notificationId)
			.query((rs, row) -> new Outgoing.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.list();
		return jdbc.sql("select subject, language from notification where id = ?")
			.param(notificationId)
			.query((rs, row) -> new EmailParts(rs.getString(1), rs.getString(2), attachments))
			.single();
	}

	private void history(UUID id, MessageStatus status, Instant at, @Nullable String detail) {
		jdbc.sql("insert into message_status (message_id, status, at, detail) values (?, ?, ?, ?)")
			.params(id, status.name(), Timestamp.from(at), detail)
			.update();
	}
}
