package kz.khc.elorda.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The timelines: whose each application is, and its steps. */
@Repository
class Steps {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	Steps(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** A submitted application with a timeline: its applicant (the token subject) and number. */
	record Timeline(UUID applicationId, String applicantId, String applicationNumber) {
	}

	/** Starts the timeline of an application; nothing if it has one. */
	void follow(Timeline timeline) {
		jdbc.sql("""
				insert into application_timeline (application_id, applicant_id, application_number)
				values (?, ?, ?)
				on conflict (application_id) do nothing""")
			.params(timeline.applicationId(), timeline.applicantId(), timeline.applicationNumber())
			.update();
	}

	Optional<Timeline> timeline(UUID applicationId) {
		return jdbc.sql("select * from application_timeline where application_id = ?")
			.param(applicationId)
			.query((rs, row) -> new Timeline(rs.getObject("application_id", UUID.class),
					rs.getString("applicant_id"), rs.getString("application_number")))
			.optional();
	}

	/**
	 * Adds the step an event told, to a followed application.
	 *
	 * @return false when that event's step is already there
	 */
	boolean add(Step step, UUID sourceEventId) {
		return jdbc.sql("""
				insert into application_step (application_id, kind, occurred_at, details, source_event_id, recorded_at)
				values (:application, :kind, :occurredAt, cast(:details as jsonb), :source, :now)
				on conflict (source_event_id) do nothing""")
			.param("application", step.applicationId())
			.param("kind", step.kind().name())
			.param("occurredAt", Timestamp.from(step.occurredAt()))
			.param("details", json.writeValueAsString(step.details()))
			.param("source", sourceEventId)
			.param("now", Timestamp.from(Instant.now(clock)))
			.update() == 1;
	}

	/** The application's steps, oldest first (in the order they were recorded when at the same time). */
	List<Step> of(UUID applicationId) {
		return jdbc.sql("select * from application_step where application_id = ? order by occurred_at, id")
			.param(applicationId)
			.query(this::map)
			.list();
	}

	private Step map(ResultSet rs, int row) throws SQLException {
		Step.Kind kind = Step.Kind.valueOf(rs.getString("kind"));
		return new Step(rs.getObject("application_id", UUID.class), kind,
				rs.getTimestamp("occurred_at").toInstant(), json.readValue(rs.getString("details"), kind.details));
	}
}
