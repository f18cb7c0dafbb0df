package kz.khc.elorda.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.khc.elorda.verification.AssessedPoints;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest automatic assessment of applications by the scoring service (issue 7 point 8), for akimat staff: the
 * one it made last, whatever order its events arrived in. The texts that explain each criterion in full are the
 * scoring service's ({@code GET /api/scoring/v1/applications/{id}/assessment}). Its points go into
 * {@code ApplicationVerified}.
 */
@Component
public class Assessments implements AssessedPoints {

	private static final TypeReference<List<String>> CODES = new TypeReference<>() {
	};
	private static final TypeReference<List<Points>> BREAKDOWN = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Assessments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param failedCriteria the codes of the criteria not met: {@code E1}…{@code E8} (DOMAIN), {@code LOAN_AMOUNT},
	 * {@code ORPHAN_QUEUE}; empty when eligible
	 * @param breakdown the points by rule ({@code S1}…{@code S3})
	 * @param rulesVersion the version of the rules text the scoring service judged by
	 * @param edition the programme edition whose rules applied
	 * @param asOf the day every criterion was judged on (the submission's, in Asia/Almaty)
	 * @param assessedAt when the scoring service made the assessment
	 */
	public record Assessment(UUID applicationId, String applicationNumber, boolean eligible, int points,
			List<String> failedCriteria, List<Points> breakdown, String rulesVersion, String edition, LocalDate asOf,
			Instant assessedAt) {

		public Assessment {
			failedCriteria = List.copyOf(failedCriteria);
			breakdown = List.copyOf(breakdown);
		}
	}

	/** @param code {@code S1}, {@code S2}, {@code S3} */
	public record Points(String code, int points) {
	}

	@Override
	public OptionalInt of(UUID applicationId) {
		return latest(applicationId).map(assessment -> OptionalInt.of(assessment.points())).orElse(OptionalInt.empty());
	}

	/** The latest assessment of the application; empty if it has not been assessed (yet). */
	public Optional<Assessment> latest(UUID applicationId) {
		return jdbc.sql("select * from latest_assessment where application_id = ?")
			.param(applicationId)
			.query(this::map)
			.optional();
	}

	/** The latest assessments of those of the applications that have one, by application id: one query for a page. */
	public Map<UUID, Assessment> latest(Collection<UUID> applicationIds) {
		if (applicationIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from latest_assessment where application_id in (:ids)")
			.param("ids", List.copyOf(applicationIds))
			.query(this::map)
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Assessment::applicationId, Function.identity()));
	}

	private Assessment map(ResultSet rs, int row) throws SQLException {
		return new Assessment(rs.getObject("application_id", UUID.class), rs.getString("application_number"),
				rs.getBoolean("eligible"), rs.getInt("points"), json.readValue(rs.getString("failed"), CODES),
				json.readValue(rs.getString("breakdown"), BREAKDOWN), rs.getString("rules_version"),
				rs.getString("edition"), rs.getObject("as_of", LocalDate.class),
				rs.getTimestamp("assessed_at").toInstant());
	}
}
