package kz.khc.identity.login;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.Iin;
import kz.khc.contracts.identity.v1.AccountLocked;
import kz.khc.identity.audit.AuditTrail;
import kz.khc.identity.suite.KeycloakUsers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOMAIN I3. The password is checked at Keycloak (the IIN is the username); the account number and user type typed
 * must be the account's own, or the login fails as if the password were wrong. Failures lock the IIN by the
 * {@link Lockout} rule, known account or not. Keycloak is asked outside a transaction: a slow identity provider
 * holds no database connection.
 */
@Service
class Logins {

	private final KeycloakTokens keycloak;
	private final LoginFailures failures;
	private final Lockout lockout;
	private final KeycloakUsers users;
	private final JwtDecoder tokens;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final Clock clock;

	Logins(KeycloakTokens keycloak, LoginFailures failures, Lockout lockout, KeycloakUsers users, JwtDecoder tokens,
			AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.keycloak = keycloak;
		this.failures = failures;
		this.lockout = lockout;
		this.users = users;
		this.tokens = tokens;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** What the person typed, and from where. */
	record Attempt(String userType, String accountNumber, String iin, String password, String clientAddress) {

		@Override
		public String toString() {
			return "Attempt[iin=" + new Iin(iin).masked() + "]"; // never the password
		}
	}

	/** The tokens of a successful login; {@link Refused} or {@link Locked} otherwise. */
	KeycloakTokens.Tokens login(Attempt attempt) {
		Instant now = Instant.now(clock);
		String actor = "iin:" + new Iin(attempt.iin()).masked();
		Optional<Lockout.Failures> locked = failures.find(attempt.iin()).filter(known -> known.lockedAt(now));
		if (locked.isPresent()) {
			transaction.executeWithoutResult(status -> audit.record(actor, "login.refused", "login/" + actor,
					"from " + attempt.clientAddress() + ": locked until " + locked.get().lockedUntil()));
			throw new Locked(locked.get().lockedUntil());
		}
		Optional<KeycloakTokens.Tokens> issued = keycloak.password(attempt.iin(), attempt.password());
		if (issued.isPresent() && belongsTo(issued.get(), attempt)) {
			transaction.executeWithoutResult(status -> {
				failures.forget(attempt.iin());
				audit.record(actor, "login.succeeded", "login/" + actor, "from " + attempt.clientAddress());
			});
			return issued.get();
		}
		issued.ifPresent(wrongAccount -> keycloak.logout(wrongAccount.refreshToken()));
		Lockout.Failures after = transaction.execute(status -> failed(attempt, actor, now, issued.isPresent()));
		if (after.lockedUntil() != null) {
			throw new Locked(after.lockedUntil());
		}
		throw new Refused(lockout.attemptsLeft(after));
	}

	private Lockout.Failures failed(Attempt attempt, String actor, Instant now, boolean passwordWasRight) {
		Lockout.Failures after = failures.failed(attempt.iin(), now);
		audit.record(actor, "login.failed", "login/" + actor, "from %s: %s, failure %d in a row".formatted(
				attempt.clientAddress(), passwordWasRight ? "account number or user type not the account's" : "refused",
				after.count()));
		if (after.lockedUntil() != null) {
			audit.record(actor, "login.locked", "login/" + actor, "until " + after.lockedUntil());
			users.findByIin(attempt.iin())
				.ifPresent(user -> events.publishEvent(new AccountLocked(UUID.randomUUID(), now, user.id(),
						after.count(), after.lockedUntil())));
		}
		return after;
	}

	/** A new pair for the refresh token (rotated by Keycloak); {@link SessionEnded} if it no longer works. */
	KeycloakTokens.Tokens refresh(String refreshToken, String clientAddress) {
		KeycloakTokens.Tokens refreshed = keycloak.refresh(refreshToken).orElseThrow(SessionEnded::new);
		String subject = tokens.decode(refreshed.accessToken()).getSubject();
		transaction.executeWithoutResult(status -> audit.record("user:" + subject, "session.refreshed",
				"user/" + subject, "from " + clientAddress));
		return refreshed;
	}

	/** Ends the session at Keycloak: its refresh token stops working; access tokens lapse within minutes. */
	void logout(String refreshToken, String clientAddress) {
		if (keycloak.logout(refreshToken)) {
			// Keycloak took the token as genuine, so its subject names who signed out
			String subject = KeycloakTokens.subjectOf(refreshToken);
			transaction.executeWithoutResult(status -> audit.record("user:" + subject, "session.ended",
					"user/" + subject, "from " + clientAddress));
		}
	}

	private boolean belongsTo(KeycloakTokens.Tokens issued, Attempt attempt) {
		Jwt token = tokens.decode(issued.accessToken());
		return claim(token, "account_number").contains(attempt.accountNumber())
				&& claim(token, "user_type").contains(attempt.userType());
	}

	private static List<String> claim(Jwt token, String name) {
		List<String> values = token.hasClaim(name) ? token.getClaimAsStringList(name) : null;
		return values == null ? List.of() : values;
	}

	/** Wrong IIN, account number, user type or password: one answer for all. */
	static final class Refused extends RuntimeException {

		final int attemptsLeft;

		Refused(int attemptsLeft) {
			super(null, null, false, false);
			this.attemptsLeft = attemptsLeft;
		}
	}

	static final class Locked extends RuntimeException {

		final Instant until;

		Locked(Instant until) {
			super(null, null, false, false);
			this.until = until;
		}
	}

	static final class SessionEnded extends RuntimeException {

		SessionEnded() {
			super(null, null, false, false);
		}
	}
}
