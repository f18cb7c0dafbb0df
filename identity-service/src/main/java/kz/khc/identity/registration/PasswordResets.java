package kz.khc.identity.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PasswordResets {

	private final JdbcClient jdbc;

	PasswordResets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param userId the account at Keycloak the details matched; null when they matched none */
	record Reset(UUID challengeId, String accountNumber, String iin, String mobile, @Nullable String userId) {
	}

	void add(Reset reset, Instant now) {
		jdbc.sql("""
				insert into password_reset (challenge_id, account_number, iin, mobile, user_id, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(reset.challengeId(), reset.accountNumber(), reset.iin(), reset.mobile(), reset.userId(),
					Timestamp.from(now))
			.update();
	}

	Optional<Reset> find(UUID challengeId) {
		return jdbc.sql("select * from password_reset where challenge_id = ?")
			.param(challengeId)
			.query(PasswordResets::reset)
			.optional();
	}

	/** A reset of a known account whose code was confirmed since then and that is not complete yet, locked. */
	Optional<Reset> confirmedSince(UUID challengeId, Instant since) {
		return jdbc.sql("""
				select r.* from password_reset r join challenge c on c.id = r.challenge_id
				where r.challenge_id = ? and r.user_id is not null and r.completed_at is null and c.verified_at > ?
				for update of r""")
			.params(challengeId, Timestamp.from(since))
			.query(PasswordResets::reset)
			.optional();
	}

	void completed(UUID challengeId, Instant now) {
		jdbc.sql("update password_reset set completed_at = ? where challenge_id = ?")
			.params(Timestamp.from(now), challengeId)
			.update();
	}

	private static Reset reset(ResultSet rs, int row) throws SQLException {
		return new Reset(rs.getObject("challenge_id", UUID.class), rs.getString("account_number"), rs.getString("iin"),
				rs.getString("mobile"), rs.getString("user_id"));
	}
}
