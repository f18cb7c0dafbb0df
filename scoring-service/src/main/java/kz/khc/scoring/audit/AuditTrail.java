package kz.khc.scoring.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records state changes that matter, in the transaction of the change itself: if the change rolls back, so does
 * its audit entry; and who took personal data out (a list's export). Akimat staff read a subject's entries back.
 */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An entry as {@link #record} wrote it. */
	public record Entry(Instant occurredAt, String actor, String action, String subject, String reason) {
	}

	/**
	 * @param actor who made the change (the token subject, or {@code system})
	 * @param action what was done, e.g. {@code direction.issued}
	 * @param subject the changed aggregate, e.g. {@code direction/<id>}
	 * @param reason why, in the actor's words or the rule that applied
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, String subject, String reason) {
		jdbc.sql("""
				insert into audit_log (occurred_at, actor, action, subject, reason)
				values (:occurredAt, :actor, :action, :subject, :reason)""")
			.param("occurredAt", java.sql.Timestamp.from(Instant.now(clock)))
			.param("actor", actor)
			.param("action", action)
			.param("subject", subject)
			.param("reason", reason)
			.update();
	}

	/** A page of the subject's entries, newest first. */
	public List<Entry> page(String subject, int page, int size) {
		return jdbc.sql("""
				select occurred_at, actor, action, subject, reason from audit_log where subject = ?
				order by occurred_at desc, id desc offset ? limit ?""")
			.params(subject, (long) page * size, size)
			.query((rs, row) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject"), rs.getString("reason")))
			.list();
	}

	public long size(String subject) {
		return jdbc.sql("select count(*) from audit_log where subject = ?").param(subject).query(Long.class).single();
	}
}
