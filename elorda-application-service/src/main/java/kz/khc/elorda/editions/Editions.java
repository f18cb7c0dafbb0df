package kz.khc.elorda.editions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kz.khc.elorda.audit.AuditTrail;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The editions and their windows. Every change is audited with the officer and the reason; a window may be moved
 * or closed early, but windows of two editions never overlap, so a moment has at most one open edition.
 */
@Service
public class Editions {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;

	Editions(JdbcClient jdbc, AuditTrail audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** The edition already has this id. */
	public static final class Exists extends RuntimeException {

		Exists() {
			super(null, null, false, false);
		}
	}

	/** The window would overlap another edition's. */
	public static final class Overlaps extends RuntimeException {

		final String other;

		Overlaps(String other) {
			super(null, null, false, false);
			this.other = other;
		}
	}

	public static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}

	/**
	 * @param terms null for those of the latest edition, or the programme's standard terms when there is none
	 */
	@Transactional
	public Edition create(String id, String name, Instant opensAt, Instant closesAt, Edition.@Nullable Terms terms,
			String officer) {
		lockEditions();
		if (find(id).isPresent()) {
			throw new Exists();
		}
		checkNoOverlap(id, opensAt, closesAt);
		Edition edition = new Edition(id, name, opensAt, closesAt, terms != null ? terms : defaultTerms());
		Timestamp now = Timestamp.from(Instant.now(clock));
		jdbc.sql("""
				insert into edition (id, name, opens_at, closes_at, terms, created_by, created_at, updated_by, updated_at)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
			.params(id, name, Timestamp.from(opensAt), Timestamp.from(closesAt), json.writeValueAsString(edition.terms()),
					officer, now, officer, now)
			.update();
		audit.record(officer, "edition.created", subject(id), "%s, window %s – %s".formatted(name, opensAt, closesAt));
		return edition;
	}

	/** Moves the window: opens it earlier or later, extends it, or closes it (a {@code closesAt} of now). */
	@Transactional
	public Edition moveWindow(String id, Instant opensAt, Instant closesAt, String reason, String officer) {
		lockEditions();
		Edition before = find(id).orElseThrow(NotFound::new);
		checkNoOverlap(id, opensAt, closesAt);
		jdbc.sql("update edition set opens_at = ?, closes_at = ?, updated_by = ?, updated_at = ? where id = ?")
			.params(Timestamp.from(opensAt), Timestamp.from(closesAt), officer, Timestamp.from(Instant.now(clock)), id)
			.update();
		audit.record(officer, "edition.window-moved", subject(id), "%s – %s (was %s – %s): %s".formatted(opensAt,
				closesAt, before.opensAt(), before.closesAt(), reason));
		return find(id).orElseThrow();
	}

	/** Closes the window now if it is open; one yet to open is left with an empty window, closed before it opened. */
	@Transactional
	public Edition close(String id, String reason, String officer) {
		Edition edition = find(id).orElseThrow(NotFound::new);
		Instant now = Instant.now(clock);
		if (!edition.closesAt().isAfter(now)) {
			return edition;
		}
		return moveWindow(id, edition.opensAt().isBefore(now) ? edition.opensAt() : now, now, reason, officer);
	}

	public Optional<Edition> find(String id) {
		return jdbc.sql("select * from edition where id = ?").param(id).query(this::edition).optional();
	}

	/** The edition taking applications at this moment, if any. */
	public Optional<Edition> openAt(Instant moment) {
		return jdbc.sql("select * from edition where opens_at <= ? and closes_at > ?")
			.params(Timestamp.from(moment), Timestamp.from(moment))
			.query(this::edition)
			.optional();
	}

	/** Newest first. */
	public List<Edition> all() {
		return jdbc.sql("select * from edition order by opens_at desc").query(this::edition).list();
	}

	private void checkNoOverlap(String id, Instant opensAt, Instant closesAt) {
		jdbc.sql("select id from edition where id <> ? and opens_at < ? and closes_at > ? limit 1")
			.params(id, Timestamp.from(closesAt), Timestamp.from(opensAt))
			.query(String.class)
			.optional()
			.ifPresent(other -> {
				throw new Overlaps(other);
			});
	}

	/** Two officers creating or moving windows at once still cannot make them overlap. */
	private void lockEditions() {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('edition', 7))").query((rs, row) -> 1).single();
	}

	private Edition.Terms defaultTerms() {
		return jdbc.sql("select terms from edition order by opens_at desc limit 1")
			.query(String.class)
			.optional()
			.map(terms -> json.readValue(terms, Edition.Terms.class))
			.orElseGet(this::standardTerms);
	}

	private Edition.Terms standardTerms() {
		try (InputStream in = Editions.class.getResourceAsStream("/editions/standard-terms.json")) {
			return json.readValue(in, Edition.Terms.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Edition edition(ResultSet rs, int row) throws SQLException {
		return new Edition(rs.getString("id"), rs.getString("name"), rs.getTimestamp("opens_at").toInstant(),
				rs.getTimestamp("closes_at").toInstant(), json.readValue(rs.getString("terms"), Edition.Terms.class));
	}

	private static String subject(String id) {
		return "edition/" + id;
	}
}
