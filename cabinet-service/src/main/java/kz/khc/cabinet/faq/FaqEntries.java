package kz.khc.cabinet.faq;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * FAQ entries in PostgreSQL. Search uses the generated {@code faq_translation.search} column (GIN index) and
 * {@code websearch_to_tsquery}, which accepts any text: quotes, operators and stray punctuation are read as words
 * or ignored, never as a syntax error; a query of stop words only matches nothing.
 */
@Repository
class FaqEntries {

	/**
	 * Each entry's text in the reader's language, or in Russian where that is missing; {@code config} is the
	 * text-search configuration that built its {@code search} column (V2__faq.sql), so queries are parsed alike.
	 */
	private static final String SHOWN = """
			with shown as (
				select distinct on (t.entry_id) t.entry_id, t.question, t.answer, t.search,
					case t.language when 'ru' then 'russian'::regconfig
									when 'en' then 'english'::regconfig
									else 'simple'::regconfig end as config
				from faq_translation t
				where t.language in (:language, 'ru')
				order by t.entry_id, t.language = :language desc
			)
			""";

	private final JdbcClient jdbc;

	FaqEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Entries in display order. */
	List<FaqEntry.Shown> page(Language language, int page, int size) {
		return jdbc.sql(SHOWN + """
				select e.id, s.question, s.answer
				from faq_entry e
				join shown s on s.entry_id = e.id
				order by e.position, e.id
				limit :size offset :offset""")
			.param("language", language.code())
			.param("size", size)
			.param("offset", (long) page * size)
			.query(FaqEntries::shown)
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from faq_entry").query(Long.class).single();
	}

	/** Entries whose shown text matches {@code query}, most relevant first, then in display order. */
	List<FaqEntry.Shown> search(Language language, String query, int page, int size) {
		return jdbc.sql(SHOWN + """
				, matched as (
					select s.*, websearch_to_tsquery(s.config, :query) as q from shown s
				)
				select e.id, m.question, m.answer
				from faq_entry e
				join matched m on m.entry_id = e.id
				where m.search @@ m.q
				order by ts_rank(m.search, m.q) desc, e.position, e.id
				limit :size offset :offset""")
			.param("language", language.code())
			.param("query", query)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(FaqEntries::shown)
			.list();
	}

	long countMatching(Language language, String query) {
		return jdbc.sql(SHOWN + """
				select count(*) from shown s
				where s.search @@ websearch_to_tsquery(s.config, :query)""")
			.param("language", language.code())
			.param("query", query)
			.query(Long.class)
			.single();
	}

	Optional<FaqEntry> byId(UUID id) {
		Map<Language, FaqEntry.Translation> translations = new EnumMap<>(Language.class);
		jdbc.sql("select language, question, answer from faq_translation where entry_id = ?")
			.param(id)
			.query((rs, row) -> Map.entry(Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)),
					new FaqEntry.Translation(rs.getString("question"), rs.getString("answer"))))
			.list()
			.forEach(text -> translations.put(text.getKey(), text.getValue()));
		if (translations.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select position, updated_at, updated_by from faq_entry where id = ?")
			.param(id)
			.query((rs, row) -> new FaqEntry(id, rs.getInt("position"), translations,
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
			.optional();
	}

	/** The position after the last entry: where a new entry goes unless its editor says otherwise. */
	int nextPosition() {
		return jdbc.sql("select coalesce(max(position), 0) + 1 from faq_entry").query(Integer.class).single();
	}

	void add(FaqEntry entry) {
		jdbc.sql("""
				insert into faq_entry (id, position, updated_at, updated_by)
				values (:id, :position, :updatedAt, :updatedBy)""")
			.param("id", entry.id())
			.param("position", entry.position())
			.param("updatedAt", Timestamp.from(entry.updatedAt()))
			.param("updatedBy", entry.updatedBy())
			.update();
		addTranslations(entry);
	}

	/** Replaces the stored entry with the same id and all its texts; {@code false} if there is none. */
	boolean replace(FaqEntry entry) {
		int updated = jdbc.sql("""
				update faq_entry set position = :position, updated_at = :updatedAt, updated_by = :updatedBy
				where id = :id""")
			.param("id", entry.id())
			.param("position", entry.position())
			.param("updatedAt", Timestamp.from(entry.updatedAt()))
			.param("updatedBy", entry.updatedBy())
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("delete from faq_translation where entry_id = ?").param(entry.id()).update();
		addTranslations(entry);
		return true;
	}

	/** Removes the entry and its texts; {@code false} if there is none. */
	boolean remove(UUID id) {
		return jdbc.sql("delete from faq_entry where id = ?").param(id).update() > 0;
	}

	private void addTranslations(FaqEntry entry) {
		entry.translations()
			.forEach((language, text) -> jdbc.sql("""
					insert into faq_translation (entry_id, language, question, answer)
					values (:entryId, :language, :question, :answer)""")
				.param("entryId", entry.id())
				.param("language", language.code())
				.param("question", text.question())
				.param("answer", text.answer())
				.update());
	}

	private static FaqEntry.Shown shown(ResultSet rs, int row) throws SQLException {
		return new FaqEntry.Shown(rs.getObject("id", UUID.class), rs.getString("question"), rs.getString("answer"));
	}
}
