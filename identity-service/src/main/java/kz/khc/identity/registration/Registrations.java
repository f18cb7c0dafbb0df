package kz.khc.identity.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import kz.khc.identity.suite.KeycloakUsers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Registrations {

	private final JdbcClient jdbc;

	Registrations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Registration(UUID challengeId, String userType, String accountNumber, String iin, String mobile,
			boolean matched, KeycloakUsers.Names names) {
	}

	void add(Registration registration, Instant now) {
		jdbc.sql("""
				insert into registration (challenge_id, user_type, account_number, iin, mobile, matched, surname,
				                          first_name, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(registration.challengeId(), registration.userType(), registration.accountNumber(),
					registration.iin(), registration.mobile(), registration.matched(), registration.names().lastName(),
					registration.names().firstName(), Timestamp.from(now))
			.update();
	}

	/** A registration whose code was confirmed and that is not complete yet, locked; empty otherwise. */
	Optional<Registration> confirmedSince(UUID challengeId, Instant since) {
		return jdbc.sql("""
				select r.* from registration r join challenge c on c.id = r.challenge_id
				where r.challenge_id = ? and r.matched and r.completed_at is null and c.verified_at > ?
				for update of r""")
			.params(challengeId, Timestamp.from(since))
			.query(Registrations::registration)
			.optional();
	}

	void completed(UUID challengeId, String userId, Instant now) {
		jdbc.sql("update registration set completed_at = ?, user_id = ? where challenge_id = ?")
			.params(Timestamp.from(now), userId, challengeId)
			.update();
	}

	Optional<Registration> find(UUID challengeId) {
		return jdbc.sql("select * from registration where challenge_id = ?")
			.param(challengeId)
			.query(Registrations::registration)
			.optional();
	}

	private static Registration registration(ResultSet rs, int row) throws SQLException {
		return new Registration(rs.getObject("challenge_id", UUID.class), rs.getString("user_type"),
				rs.getString("account_number"), rs.getString("iin"), rs.getString("mobile"), rs.getBoolean("matched"),
				new KeycloakUsers.Names(rs.getString("first_name"), rs.getString("surname")));
	}
}
