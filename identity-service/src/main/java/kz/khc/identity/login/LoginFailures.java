package kz.khc.identity.login;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The consecutive failed logins per IIN ({@link Lockout}); a row exists only while there are some. */
@Repository
public class LoginFailures {

	private final JdbcClient jdbc;
	private final Lockout lockout;

	LoginFailures(JdbcClient jdbc, Lockout lockout) {
		this.jdbc = jdbc;
		this.lockout = lockout;
	}

	Optional<Lockout.Failures> find(String iin) {
		return jdbc.sql("select failures, last_failure_at, locked_until from login_failure where iin = ?")
			.param(iin)
			.query((rs, row) -> new Lockout.Failures(rs.getInt("failures"),
					rs.getTimestamp("last_failure_at").toInstant(),
					rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
			.optional();
	}

	/** Counts one more failure; concurrent failures of one IIN are counted one after the other. */
	@Transactional(propagation = Propagation.MANDATORY)
	Lockout.Failures failed(String iin, Instant now) {
		jdbc.sql("insert into login_failure (iin, failures, last_failure_at) values (?, 0, ?) on conflict do nothing")
			.params(iin, Timestamp.from(now))
			.update();
		jdbc.sql("select 1 from login_failure where iin = ? for update").param(iin).query(Integer.class).single();
		Lockout.Failures before = find(iin).filter(failures -> failures.count() > 0).orElse(null);
		Lockout.Failures after = lockout.afterFailure(before, now);
		jdbc.sql("update login_failure set failures = ?, last_failure_at = ?, locked_until = ? where iin = ?")
			.params(after.count(), Timestamp.from(after.lastAt()),
					after.lockedUntil() == null ? null : Timestamp.from(after.lockedUntil()), iin)
			.update();
		return after;
	}

	/** A successful login, or a password set anew (DOMAIN I3: a reset clears the lock). */
	public void forget(String iin) {
		jdbc.sql("delete from login_failure where iin = ?").param(iin).update();
	}
}
