package kz.khc.elorda.applications;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Applications {

	private final JdbcClient jdbc;

	Applications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of the year's numbering: {@code EZ-2026-000042}. */
	String nextNumber(LocalDate today) {
		long serial = jdbc.sql("select nextval('application_number_seq')").query(Long.class).single();
		return "EZ-%d-%06d".formatted(today.getYear(), serial);
	}

	void add(Application application) {
		jdbc.sql("""
				insert into application (id, number, applicant_id, category, submitted_at)
				values (:id, :number, :applicantId, :category, :submittedAt)""")
			.param("id", application.id())
			.param("number", application.number())
			.param("applicantId", application.applicantId())
			.param("category", application.category().name())
			.param("submittedAt", Timestamp.from(application.submittedAt()))
			.update();
	}

	Optional<Application> byId(UUID id) {
		return jdbc.sql("select * from application where id = ?").param(id).query(Applications::map).optional();
	}

	List<Application> byApplicant(String applicantId) {
		return jdbc.sql("select * from application where applicant_id = ? order by submitted_at desc")
			.param(applicantId)
			.query(Applications::map)
			.list();
	}

	List<Application> page(@Nullable ProgrammeCategory category, int page, int size) {
		return jdbc.sql("""
				select * from application
				where cast(:category as text) is null or category = :category
				order by submitted_at, number
				limit :size offset :offset""")
			.param("category", category == null ? null : category.name())
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Applications::map)
			.list();
	}

	long count(@Nullable ProgrammeCategory category) {
		return jdbc.sql("select count(*) from application where cast(:category as text) is null or category = :category")
			.param("category", category == null ? null : category.name())
			.query(Long.class)
			.single();
	}

	private static Application map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Application(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("applicant_id"),
				ProgrammeCategory.valueOf(rs.getString("category")), rs.getTimestamp("submitted_at").toInstant());
	}
}
