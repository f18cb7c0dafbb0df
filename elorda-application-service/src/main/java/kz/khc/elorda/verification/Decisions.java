package kz.khc.elorda.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Decisions {

	private final JdbcClient jdbc;

	Decisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Decision decision) {
		jdbc.sql("""
				insert into application_decision (application_id, outcome, decided_at, decided_by, decided_by_username,
				                                  reason_code, comment)
				values (:id, :outcome, :at, :subject, :username, :reason, :comment)""")
			.param("id", decision.applicationId())
			.param("outcome", decision.outcome().name())
			.param("at", Timestamp.from(decision.decidedAt()))
			.param("subject", decision.decidedBy().subject())
			.param("username", decision.decidedBy().username())
			.param("reason", decision.reasonCode() == null ? null : decision.reasonCode().name())
			.param("comment", decision.comment())
			.update();
	}

	Optional<Decision> of(UUID applicationId) {
		return jdbc.sql("select * from application_decision where application_id = ?")
			.param(applicationId)
			.query(this::map)
			.optional();
	}

	/** The decisions there are on these applications, by application id. */
	Map<UUID, Decision> of(Collection<UUID> applicationIds) {
		if (applicationIds.isEmpty()) {
			return Map.of();
		}
		List<Decision> found = jdbc.sql("select * from application_decision where application_id in (:ids)")
			.param("ids", List.copyOf(applicationIds))
			.query(this::map)
			.list();
		return found.stream().collect(Collectors.toMap(Decision::applicationId, Function.identity()));
	}

	private Decision map(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("reason_code");
		return new Decision(rs.getObject("application_id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
				rs.getTimestamp("decided_at").toInstant(),
				new Officer(rs.getString("decided_by"), rs.getString("decided_by_username")),
				reason == null ? null : RejectionReason.valueOf(reason), rs.getString("comment"));
	}
}
