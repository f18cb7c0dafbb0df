package kz.khc.scoring.ranking;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import kz.khc.scoring.rules.Facts.Category;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists in PostgreSQL. Placing an application is an upsert and a counter per points value; its position is the
 * sum of the counters above its points plus the applications ahead at the same points, so a new application costs
 * about the same in a list of ten or of a hundred thousand. Pages number the whole list with a window over its index.
 */
@Repository
public class RankedLists {

	private final JdbcClient jdbc;

	RankedLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A verified eligible application with what orders it.
	 *
	 * @param edition the list's programme and edition, e.g. {@code elorda-zhastary/2023} ({@link #list})
	 */
	public record Entry(UUID applicationId, String applicationNumber, @Nullable String applicantId, String applicantIin,
			LocalDate birthDate, String edition, Category category, int points, String rulesVersion,
			String applicantName) {
	}

	/**
	 * @param tied the same points and birth date as a neighbour: only the application number parts them (DOMAIN S4
	 * decision), staff look at such pairs
	 */
	public record Row(long position, String applicationNumber, String applicantIin, LocalDate birthDate, int points,
			boolean tied) {
	}

	/** The key of a programme edition's lists. */
	public static String list(String programme, String edition) {
		return programme + "/" + edition;
	}

	/** Someone's own application in its list. */
	public record Standing(String applicationNumber, String edition, Category category, int points, long position,
			long of) {
	}

	/**
	 * Every list place of the person's applications (the token subject's), for "find my position". One read-only
	 * transaction: the position and size queries run while the rows are read, on the same connection — without it each
	 * wanted a second one, and as many callers as the pool has connections waited on each other until its timeout.
	 */
	@Transactional(readOnly = true)
	public List<Standing> standingsOf(String applicantId) {
		return jdbc.sql("""
				select application_id, application_number, edition, category, points from ranked_application
				where applicant_id = ? order by placed_at""")
			.param(applicantId)
			.query((rs, row) -> new Standing(rs.getString("application_number"), rs.getString("edition"),
					Category.valueOf(rs.getString("category")), rs.getInt("points"),
					position(rs.getObject("application_id", UUID.class)).orElse(0L),
					size(rs.getString("edition"), Category.valueOf(rs.getString("category")))))
			.list();
	}

	/** The whole list in order, row by row (an export of a list of a hundred thousand stays out of memory). */
	@Transactional(readOnly = true)
	public void forEach(String edition, Category category, Consumer<Row> action) {
		try (var rows = jdbc.sql(NUMBERED + " order by position")
			.param("edition", edition)
			.param("category", category.name())
			.withFetchSize(1000)
			.query(RankedLists::row)
			.stream()) {
			rows.forEach(action);
		}
	}

	/** Puts the application in its list (again, if its points changed); returns its position there. */
	@Transactional
	public long place(Entry entry, Instant now) {
		Optional<Integer> before = jdbc.sql("select points from ranked_application where application_id = ? for update")
			.param(entry.applicationId())
			.query(Integer.class)
			.optional();
		jdbc.sql("""
				insert into ranked_application (application_id, application_number, applicant_id, applicant_iin,
				                                applicant_name, birth_date, edition, category, points, rules_version,
				                                placed_at)
				values (:id, :number, :applicant, :iin, :name, :birthDate, :edition, :category, :points, :rules, :now)
				on conflict (application_id) do update
				set points = excluded.points, rules_version = excluded.rules_version, placed_at = excluded.placed_at""")
			.param("id", entry.applicationId())
			.param("number", entry.applicationNumber())
			.param("applicant", entry.applicantId())
			.param("iin", entry.applicantIin())
			.param("name", entry.applicantName())
			.param("birthDate", Date.valueOf(entry.birthDate()))
			.param("edition", entry.edition())
			.param("category", entry.category().name())
			.param("points", entry.points())
			.param("rules", entry.rulesVersion())
			.param("now", Timestamp.from(now))
			.update();
		if (before.isEmpty() || before.get() != entry.points()) {
			before.ifPresent(points -> count(entry.edition(), entry.category(), points, -1));
			count(entry.edition(), entry.category(), entry.points(), 1);
		}
		return position(entry.applicationId()).orElseThrow();
	}

	private void count(String edition, Category category, int points, int change) {
		jdbc.sql("""
				insert into ranked_list_points (edition, category, points, applications) values (?, ?, ?, ?)
				on conflict (edition, category, points) do update
				set applications = ranked_list_points.applications + excluded.applications""")
			.params(edition, category.name(), points, change)
			.update();
	}

	/** Counts every list of the edition afresh from its applications (after a bulk load, or to repair). */
	@Transactional
	public void recount(String edition) {
		jdbc.sql("delete from ranked_list_points where edition = ?").param(edition).update();
		jdbc.sql("""
				insert into ranked_list_points (edition, category, points, applications)
				select edition, category, points, count(*) from ranked_application where edition = ?
				group by edition, category, points""")
			.param(edition)
			.update();
	}

	/** One plus the applications ahead: more points, or as many and older, or as old and an earlier number. */
	public Optional<Long> position(UUID applicationId) {
		return jdbc.sql("""
				select 1
				       + (select coalesce(sum(applications), 0) from ranked_list_points higher
				          where higher.edition = me.edition and higher.category = me.category
				            and higher.points > me.points)
				       + (select count(*) from ranked_application ahead
				          where ahead.edition = me.edition and ahead.category = me.category
				            and ahead.points = me.points
				            and (ahead.birth_date, ahead.application_number) < (me.birth_date, me.application_number))
				from ranked_application me where me.application_id = ?""")
			.param(applicationId)
			.query(Long.class)
			.optional();
	}

	/** Each list's rows numbered from the top, with the still-tied neighbours found by a look either side. */
	private static final String NUMBERED = """
			select position, application_number, applicant_iin, birth_date, points,
			       coalesce(points = previous_points and birth_date = previous_birth, false)
			       or coalesce(points = next_points and birth_date = next_birth, false) as tied
			from (select application_number, applicant_iin, birth_date, points,
			             row_number() over list as position,
			             lag(points) over list as previous_points, lag(birth_date) over list as previous_birth,
			             lead(points) over list as next_points, lead(birth_date) over list as next_birth
			      from ranked_application where edition = :edition and category = :category
			      window list as (order by -points, birth_date, application_number)) numbered""";

	/** A page of one list, numbered from the top. */
	public List<Row> page(String edition, Category category, int page, int size) {
		return jdbc.sql(NUMBERED + " order by position offset :offset limit :size")
			.param("edition", edition)
			.param("category", category.name())
			.param("offset", (long) page * size)
			.param("size", size)
			.query(RankedLists::row)
			.list();
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("position"), rs.getString("application_number"), rs.getString("applicant_iin"),
				rs.getDate("birth_date").toLocalDate(), rs.getInt("points"), rs.getBoolean("tied"));
	}

	/**
	 * How many applications each edition of the programme has in its lists, by edition name ({@code 2023}): the
	 * counters per points value summed, a few dozen rows per list.
	 */
	public Map<String, Long> sizes(String programme) {
		String prefix = list(programme, "");
		return jdbc.sql("""
				select substr(edition, :from) as name, sum(applications) as applications from ranked_list_points
				where starts_with(edition, :prefix) group by edition""")
			.param("from", prefix.length() + 1)
			.param("prefix", prefix)
			.query((rs, row) -> Map.entry(rs.getString("name"), rs.getLong("applications")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public long size(String edition, Category category) {
		return jdbc.sql("select count(*) from ranked_application where edition = ? and category = ?")
			.params(edition, category.name())
			.query(Long.class)
			.single();
	}
}
