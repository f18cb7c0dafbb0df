package kz.khc.identity.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import kz.khc.contracts.MobileNumber;
import kz.khc.contracts.identity.v1.PasswordChanged;
import kz.khc.identity.audit.AuditTrail;
import kz.khc.identity.codes.Challenge;
import kz.khc.identity.codes.OneTimeCodes;
import kz.khc.identity.login.LoginFailures;
import kz.khc.identity.suite.KeycloakUsers;
import kz.khc.identity.suite.Suite;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * DOMAIN I3 "Forgot password?": account number, IIN and the mobile the account was registered with; the code goes
 * to that mobile only when all three are one account's. Then a new password under the I2 policy; it ends every
 * session of the account and clears a login lock.
 */
@Service
class PasswordReset {

	private final KeycloakUsers users;
	private final Suite suite;
	private final OneTimeCodes codes;
	private final PasswordResets resets;
	private final LoginFailures loginFailures;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PasswordReset(KeycloakUsers users, Suite suite, OneTimeCodes codes, PasswordResets resets,
			LoginFailures loginFailures, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.suite = suite;
		this.codes = codes;
		this.resets = resets;
		this.loginFailures = loginFailures;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	OneTimeCodes.Started start(String accountNumber, String iin, String typedMobile, String clientAddress,
			Locale language) {
		String mobile = MobileNumber.parse(typedMobile).value();
		Optional<KeycloakUsers.User> account = users.findByIin(iin)
			.filter(user -> accountNumber.equals(user.accountNumber()) && mobile.equals(user.mobile()));
		OneTimeCodes.Started started = codes.start(Challenge.Purpose.PASSWORD_RESET, mobile, iin, clientAddress,
				account.<Consumer<String>>map(
						user -> code -> suite.sendCode(mobile, code, "PASSWORD_RESET", language, user.id()))
					.orElse(null));
		resets.add(new PasswordResets.Reset(started.challengeId(), accountNumber, iin, mobile,
				account.map(KeycloakUsers.User::id).orElse(null)), Instant.now(clock));
		audit.record(PrimaryAuthorization.actor(iin), "password-reset.started", "password-reset/" + started.challengeId(),
				"from " + clientAddress + ": " + (account.isPresent() ? "matched an account, code sent" : "no match"));
		return started;
	}

	@Transactional
	OneTimeCodes.Started resend(UUID challengeId, String clientAddress, Locale language) {
		PasswordResets.Reset reset = resets.find(challengeId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		OneTimeCodes.Started started = codes.resend(challengeId, clientAddress, reset.userId() == null ? null
				: code -> suite.sendCode(reset.mobile(), code, "PASSWORD_RESET", language, reset.userId()));
		audit.record(PrimaryAuthorization.actor(reset.iin()), "password-reset.code-resent",
				"password-reset/" + challengeId, "from " + clientAddress);
		return started;
	}

	@Transactional(noRollbackFor = CodeFlowErrors.CodeInvalid.class)
	void confirm(UUID challengeId, String code, String clientAddress) {
		Optional<PasswordResets.Reset> reset = resets.find(challengeId);
		OneTimeCodes.Result result = reset.isPresent() ? codes.check(challengeId, code) : OneTimeCodes.Result.UNKNOWN;
		boolean verified = result.outcome() == Challenge.Outcome.VERIFIED
				&& reset.map(known -> known.userId() != null).orElse(false);
		audit.record(PrimaryAuthorization.actor(reset.map(PasswordResets.Reset::iin).orElse("")),
				"password-reset.code-entered", "password-reset/" + challengeId,
				"from " + clientAddress + ": " + (verified ? "verified" : result.outcome()));
		if (!verified) {
			throw new CodeFlowErrors.CodeInvalid(result.outcome() == Challenge.Outcome.VERIFIED ? 0 : result.triesLeft());
		}
	}

	@Transactional
	void setPassword(UUID challengeId, String password, String repeated, String clientAddress) {
		Instant now = Instant.now(clock);
		PasswordResets.Reset reset = resets.confirmedSince(challengeId, now.minus(PrimaryAuthorization.PASSWORD_WINDOW))
			.orElseThrow(() -> new CodeFlowErrors.Expired("reset-expired"));
		PrimaryAuthorization.checkPolicy(password, repeated, reset.iin(), reset.accountNumber());
		String userId = Objects.requireNonNull(reset.userId());
		users.resetPassword(userId, password);
		loginFailures.forget(reset.iin());
		resets.completed(challengeId, now);
		events.publishEvent(new PasswordChanged(UUID.randomUUID(), now, userId, PasswordChanged.Reason.RESET, now));
		audit.record(PrimaryAuthorization.actor(reset.iin()), "password-reset.completed",
				"password-reset/" + challengeId,
				"from " + clientAddress + ": password set anew, sessions ended, login lock cleared");
	}
}
