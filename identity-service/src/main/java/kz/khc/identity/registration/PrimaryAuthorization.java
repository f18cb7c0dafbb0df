package kz.khc.identity.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.Iin;
import kz.khc.contracts.MobileNumber;
import kz.khc.contracts.identity.v1.UserRegistered;
import kz.khc.contracts.identity.v1.UserType;
import kz.khc.identity.audit.AuditTrail;
import kz.khc.identity.codes.Challenge;
import kz.khc.identity.codes.OneTimeCodes;
import kz.khc.identity.passwords.PasswordPolicy;
import kz.khc.identity.suite.KeycloakUsers;
import kz.khc.identity.suite.Suite;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * DOMAIN I1. The five values are checked against the company's records; a challenge is started whether they match
 * or not, and only a match sends a code — so nothing tells a caller whether an account, IIN or phone is known.
 */
@Service
class PrimaryAuthorization {

	/** How long after the code was confirmed the password may be set. */
	static final Duration PASSWORD_WINDOW = Duration.ofMinutes(15);

	private final Suite suite;
	private final KeycloakUsers users;
	private final OneTimeCodes codes;
	private final Registrations registrations;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PrimaryAuthorization(Suite suite, KeycloakUsers users, OneTimeCodes codes, Registrations registrations,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.suite = suite;
		this.users = users;
		this.codes = codes;
		this.registrations = registrations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The five values as typed, with the client's address; the mobile normalized. */
	record Details(String userType, String accountNumber, String iin, String contractNumber, LocalDate contractDate,
			String mobile, String clientAddress, Locale language) {
	}

	@Transactional
	OneTimeCodes.Started start(Details details) {
		String mobile = MobileNumber.parse(details.mobile()).value();
		Optional<KeycloakUsers.Names> holder = suite.contractHolder(details.accountNumber(), details.iin(),
				details.contractNumber(), details.contractDate(), mobile);
		boolean matched = holder.isPresent();
		OneTimeCodes.Started started = codes.start(Challenge.Purpose.REGISTRATION, mobile, details.iin(),
				details.clientAddress(),
				matched ? code -> suite.sendCode(mobile, code, "REGISTRATION", details.language(), null) : null);
		registrations.add(new Registrations.Registration(started.challengeId(), details.userType(),
				details.accountNumber(), details.iin(), mobile, matched,
				holder.orElse(new KeycloakUsers.Names(null, null))), Instant.now(clock));
		audit.record(actor(details.iin()), "registration.started", "registration/" + started.challengeId(),
				"from " + details.clientAddress() + ": " + (matched ? "matched a contract, code sent" : "no match"));
		return started;
	}

	@Transactional
	OneTimeCodes.Started resend(UUID challengeId, String clientAddress, Locale language) {
		Registrations.Registration registration = registrations.find(challengeId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		OneTimeCodes.Started started = codes.resend(challengeId, clientAddress, registration.matched()
				? code -> suite.sendCode(registration.mobile(), code, "REGISTRATION", language, null) : null);
		audit.record(actor(registration.iin()), "registration.code-resent", "registration/" + challengeId,
				"from " + clientAddress);
		return started;
	}

	/**
	 * The outcome of an entered code; verified only for a registration that matched a contract (a challenge of
	 * another flow is not even checked).
	 */
	@Transactional(noRollbackFor = CodeFlowErrors.CodeInvalid.class)
	void confirm(UUID challengeId, String code, String clientAddress) {
		var registration = registrations.find(challengeId);
		OneTimeCodes.Result result = registration.isPresent() ? codes.check(challengeId, code)
				: OneTimeCodes.Result.UNKNOWN;
		boolean verified = result.outcome() == Challenge.Outcome.VERIFIED
				&& registration.map(Registrations.Registration::matched).orElse(false);
		audit.record(actor(registration.map(Registrations.Registration::iin).orElse("")), "registration.code-entered",
				"registration/" + challengeId, "from " + clientAddress + ": " + (verified ? "verified" : result.outcome()));
		if (!verified) {
			throw new CodeFlowErrors.CodeInvalid(result.outcome() == Challenge.Outcome.VERIFIED ? 0 : result.triesLeft());
		}
	}

	/**
	 * DOMAIN I2: the password for a registration whose code was confirmed in the last {@code PASSWORD_WINDOW}; the
	 * account is made at Keycloak, where alone the password lives; {@code UserRegistered} goes out with the change.
	 * Returns the new user id.
	 */
	@Transactional
	String setPassword(UUID challengeId, String password, String repeated, String clientAddress, Locale language) {
		Instant now = Instant.now(clock);
		Registrations.Registration registration = registrations.confirmedSince(challengeId, now.minus(PASSWORD_WINDOW))
			.orElseThrow(() -> new CodeFlowErrors.Expired("registration-expired"));
		checkPolicy(password, repeated, registration.iin(), registration.accountNumber());
		String userId = users.createCitizen(registration.iin(), registration.accountNumber(), registration.userType(),
				registration.mobile(), password, registration.names());
		registrations.completed(challengeId, userId, now);
		events.publishEvent(new UserRegistered(UUID.randomUUID(), now, userId, registration.iin(),
				registration.accountNumber(), UserType.valueOf(registration.userType()), registration.mobile(),
				language.getLanguage(), now));
		audit.record(actor(registration.iin()), "registration.completed", "registration/" + challengeId,
				"from " + clientAddress + ": account " + userId + " created at the identity provider");
		return userId;
	}

	/** DOMAIN I2, for both flows that set a password. */
	static void checkPolicy(String password, String repeated, String iin, String accountNumber) {
		List<PasswordPolicy.Violation> violations = PasswordPolicy.check(password, repeated, iin, accountNumber);
		if (!violations.isEmpty()) {
			throw new CodeFlowErrors.PasswordRejected(violations);
		}
	}

	/** Who, for the audit trail: the IIN masked. */
	static String actor(String iin) {
		return Iin.isValid(iin) ? "iin:" + new Iin(iin).masked() : "unknown";
	}
}
