package kz.khc.elorda.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V7 on a database with applications in it: each submitted one, from before editions too, gets its timeline and its
 * SUBMITTED step; a draft gets none. On a PostgreSQL of its own, migrated up to V3 first.
 */
class TimelineMigrationIT {

	static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@Test
	void applicationsSubmittedBeforeTheTimelineGetTheirFirstStep() {
		Flyway.configure().dataSource(postgres.getPostgresDatabase()).target("3").load().migrate();
		JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		UUID old = UUID.randomUUID();
		UUID submitted = UUID.randomUUID();
		UUID draft = UUID.randomUUID();
		jdbc.sql("""
				insert into application (id, number, applicant_id, category, submitted_at)
				values (?, 'EZ-2025-000001', 'citizen-old', 'CULTURE', '2025-03-02T10:00:00+05')""").param(old).update();
		jdbc.sql("""
				insert into edition (id, name, opens_at, closes_at, terms, created_by, created_at, updated_by, updated_at)
				values ('m2026', 'Migration 2026', '2026-03-01', '2026-04-01', '{}', 't', now(), 't', now())""").update();
		jdbc.sql("""
				insert into application (id, number, applicant_id, applicant_iin, edition_id, status, category, form,
				                         submitted_at, created_at, updated_at)
				values (?, 'EZ-2026-000002', 'citizen-new', '950312400238', 'm2026', 'SUBMITTED', 'HEALTHCARE', '{}',
				        '2026-03-10T10:00:00+05', now(), now()),
				       (?, null, 'citizen-draft', '930720300018', 'm2026', 'DRAFT', null, '{}', null, now(), now())""")
			.params(submitted, draft)
			.update();

		Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();

		assertThat(jdbc.sql("select applicant_id from application_timeline order by applicant_id")
			.query(String.class)
			.list()).containsExactly("citizen-new", "citizen-old");
		assertThat(jdbc.sql("""
				select kind || ' ' || (details ->> 'applicationNumber') || ' ' || (details ->> 'category')
				from application_step where application_id = ?""").param(submitted).query(String.class).list())
			.containsExactly("SUBMITTED EZ-2026-000002 HEALTHCARE");
		assertThat(jdbc.sql("select occurred_at = '2025-03-02T10:00:00+05' from application_step where application_id = ?")
			.param(old)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select count(*) from application_step where application_id = ?")
			.param(draft)
			.query(Long.class)
			.single()).isZero();
	}
}
