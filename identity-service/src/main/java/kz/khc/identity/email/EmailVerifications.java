package kz.khc.identity.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import kz.khc.contracts.identity.v1.EmailVerificationRequested;
import kz.khc.contracts.identity.v1.EmailVerified;
import kz.khc.identity.audit.AuditTrail;
import kz.khc.identity.suite.KeycloakUsers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DOMAIN I4. A request stores the address and sends the link by email ({@code EmailVerificationRequested}; the
 * cabinet shows the new address unconfirmed from then on). A link confirms once, within its validity, and only if
 * no newer address was entered since; then Keycloak has the address as verified and {@code EmailVerified} tells the
 * cabinet.
 */
@Service
class EmailVerifications {

	private final JdbcClient jdbc;
	private final KeycloakUsers users;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final EmailLink.Settings settings;
	private final EmailLink links;
	private final Clock clock;

	EmailVerifications(JdbcClient jdbc, KeycloakUsers users, AuditTrail audit, ApplicationEventPublisher events,
			EmailLink.Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.links = new EmailLink(settings.secret());
		this.clock = clock;
	}

	record Requested(String email, Instant expiresAt) {
	}

	@Transactional
	Requested request(String userId, String accountNumber, String email, Locale language) {
		Instant now = Instant.now(clock);
		UUID id = UUID.randomUUID();
		Instant expiresAt = now.plus(settings.validFor());
		jdbc.sql("""
				insert into email_verification (id, user_id, account_number, email, requested_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, userId, accountNumber, email, Timestamp.from(now), Timestamp.from(expiresAt))
			.update();
		String url = settings.linkBaseUrl() + "?token=" + links.token(id, email, expiresAt);
		events.publishEvent(new EmailVerificationRequested(UUID.randomUUID(), now, userId, accountNumber, email, url,
				expiresAt, language.getLanguage()));
		audit.record("user:" + userId, "email.verification-requested", "email-verification/" + id,
				"address " + masked(email) + ", link valid until " + expiresAt);
		return new Requested(email, expiresAt);
	}

	/** The outcome of following a link; anything but {@code CONFIRMED} changes nothing. */
	enum Outcome {
		CONFIRMED, INVALID, EXPIRED, USED, SUPERSEDED
	}

	record Confirmation(Outcome outcome, String email) {
	}

	private record Pending(UUID id, String userId, String accountNumber, String email, Instant expiresAt,
			boolean confirmed, boolean superseded) {
	}

	@Transactional
	Confirmation confirm(String token, String clientAddress) {
		Instant now = Instant.now(clock);
		Pending pending = EmailLink.idOf(token).flatMap(id -> jdbc.sql("""
				select v.*, exists (select 1 from email_verification newer
				                    where newer.user_id = v.user_id and newer.requested_at > v.requested_at) superseded
				from email_verification v where v.id = ? for update of v""")
			.param(id)
			.query((rs, row) -> new Pending(id, rs.getString("user_id"), rs.getString("account_number"),
					rs.getString("email"), rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("confirmed_at") != null, rs.getBoolean("superseded")))
			.optional()).orElse(null);
		if (pending == null || !links.genuine(token, pending.id(), pending.email(), pending.expiresAt())) {
			return new Confirmation(Outcome.INVALID, "");
		}
		Outcome refused = pending.confirmed() ? Outcome.USED : !now.isBefore(pending.expiresAt()) ? Outcome.EXPIRED
				: pending.superseded() ? Outcome.SUPERSEDED : null;
		if (refused != null) {
			return new Confirmation(refused, pending.email());
		}
		users.confirmEmail(pending.userId(), pending.email());
		jdbc.sql("update email_verification set confirmed_at = ? where id = ?")
			.params(Timestamp.from(now), pending.id())
			.update();
		events.publishEvent(new EmailVerified(UUID.randomUUID(), now, pending.userId(), pending.accountNumber(),
				pending.email(), now));
		audit.record("user:" + pending.userId(), "email.verified", "email-verification/" + pending.id(),
				"address " + masked(pending.email()) + " confirmed from " + clientAddress);
		return new Confirmation(Outcome.CONFIRMED, pending.email());
	}

	/** {@code d***@example.kz}: enough for the audit to tell addresses apart, not enough to write to one. */
	static String masked(String email) {
		int at = email.indexOf('@');
		return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
	}
}
