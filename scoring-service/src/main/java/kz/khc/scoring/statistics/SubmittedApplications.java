package kz.khc.scoring.statistics;

import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;

import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The applications the intake reported as submitted: the input of the ranked lists. */
@Repository
public class SubmittedApplications {

	private final JdbcClient jdbc;

	SubmittedApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(ApplicationSubmitted event) {
		jdbc.sql("""
				insert into submitted_application (application_id, number, category, submitted_at)
				values (:id, :number, :category, :submittedAt)
				on conflict (application_id) do nothing""")
			.param("id", event.applicationId())
			.param("number", event.applicationNumber())
			.param("category", event.category().name())
			.param("submittedAt", Timestamp.from(event.submittedAt()))
			.update();
	}

	/** Every category, those without applications with 0. */
	Map<ProgrammeCategory, Long> countByCategory() {
		Map<ProgrammeCategory, Long> counts = new EnumMap<>(ProgrammeCategory.class);
		for (ProgrammeCategory category : ProgrammeCategory.values()) {
			counts.put(category, 0L);
		}
		jdbc.sql("select category, count(*) as n from submitted_application group by category")
			.query((rs, row) -> counts.put(ProgrammeCategory.valueOf(rs.getString("category")), rs.getLong("n")))
			.list();
		return counts;
	}
}
