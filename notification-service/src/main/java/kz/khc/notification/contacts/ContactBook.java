package kz.khc.notification.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import kz.khc.contracts.ContactDetails;
import kz.khc.contracts.Iin;
import kz.khc.contracts.MobileNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest known way to reach each person. Events add what they know; a value an event does not carry is kept,
 * and a malformed one is ignored rather than stored.
 */
@Repository
public class ContactBook {

	private final JdbcClient jdbc;
	private final Clock clock;

	ContactBook(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Contact find(String personId) {
		return jdbc.sql("""
				select person_id, iin, mobile, email, coalesce(chosen_language, language) as language
				from contact where person_id = ?""")
			.param(personId)
			.query((rs, row) -> new Contact(rs.getString("person_id"), rs.getString("iin"), rs.getString("mobile"),
					rs.getString("email"), rs.getString("language")))
			.optional()
			.orElseGet(() -> Contact.unknown(personId));
	}

	/** What an event tells about a person; {@code null} parts leave what is known as it is. */
	@Transactional
	public void learn(String personId, @Nullable String iin, @Nullable ContactDetails details) {
		String mobile = details == null || details.mobile() == null || !MobileNumber.isValid(details.mobile()) ? null
				: MobileNumber.parse(details.mobile()).value();
		String email = details == null || details.email() == null || !details.email().contains("@") ? null
				: details.email().strip();
		String language = details == null || details.language() == null
				|| !Contact.LANGUAGES.contains(details.language()) ? null : details.language();
		jdbc.sql("""
				insert into contact (person_id, iin, mobile, email, language, updated_at)
				values (:person, :iin, :mobile, :email, :language, :now)
				on conflict (person_id) do update set
				    iin = coalesce(excluded.iin, contact.iin),
				    mobile = coalesce(excluded.mobile, contact.mobile),
				    email = coalesce(excluded.email, contact.email),
				    email_verified = case when excluded.email is null or excluded.email = contact.email
				                          then contact.email_verified else false end,
				    language = coalesce(excluded.language, contact.language),
				    updated_at = excluded.updated_at""")
			.param("person", personId)
			.param("iin", iin != null && Iin.isValid(iin) ? iin : null)
			.param("mobile", mobile)
			.param("email", email)
			.param("language", language)
			.param("now", Timestamp.from(Instant.now(clock)))
			.update();
	}

	/** The person confirmed this address (DOMAIN I4). */
	@Transactional
	public void emailVerified(String personId, String email) {
		learn(personId, null, new ContactDetails(null, email, null));
		jdbc.sql("update contact set email_verified = true where person_id = ? and email = ?")
			.params(personId, email.strip())
			.update();
	}

	Optional<String> chosenLanguage(String personId) {
		return jdbc.sql("select chosen_language from contact where person_id = ?")
			.param(personId)
			.query(String.class)
			.optional();
	}

	void chooseLanguage(String personId, String language) {
		jdbc.sql("""
				insert into contact (person_id, chosen_language, updated_at) values (:person, :language, :now)
				on conflict (person_id) do update set chosen_language = excluded.chosen_language,
				    updated_at = excluded.updated_at""")
			.param("person", personId)
			.param("language", language)
			.param("now", Timestamp.from(Instant.now(clock)))
			.update();
	}
}
