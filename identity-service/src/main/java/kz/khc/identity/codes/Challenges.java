package kz.khc.identity.codes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Challenges {

	private final JdbcClient jdbc;

	Challenges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Challenge challenge, Instant now) {
		jdbc.sql("""
				insert into challenge (id, purpose, mobile, iin, code_hash, sent_at, failed_tries, created_at)
				values (?, ?, ?, ?, ?, ?, 0, ?)""")
			.params(challenge.id(), challenge.purpose().name(), challenge.mobile(), challenge.iin(),
					challenge.codeHash(), Timestamp.from(challenge.sentAt()), Timestamp.from(now))
			.update();
	}

	/** The challenge, locked for the rest of the transaction: two entries at once count as two tries. */
	Optional<Challenge> lock(UUID id) {
		return jdbc.sql("select * from challenge where id = ? for update")
			.param(id)
			.query((rs, row) -> new Challenge(rs.getObject("id", UUID.class),
					Challenge.Purpose.valueOf(rs.getString("purpose")), rs.getString("mobile"), rs.getString("iin"),
					rs.getBytes("code_hash"), rs.getTimestamp("sent_at").toInstant(), rs.getInt("failed_tries"),
					rs.getTimestamp("verified_at") == null ? null : rs.getTimestamp("verified_at").toInstant()))
			.optional();
	}

	void update(Challenge challenge) {
		jdbc.sql("""
				update challenge set code_hash = ?, sent_at = ?, failed_tries = ?, verified_at = ? where id = ?""")
			.params(challenge.codeHash(), Timestamp.from(challenge.sentAt()), challenge.failedTries(),
					challenge.verifiedAt() == null ? null : Timestamp.from(challenge.verifiedAt()), challenge.id())
			.update();
	}

	void requested(String mobile, String iin, String address, Instant now) {
		jdbc.sql("insert into code_request (at, mobile, iin, address) values (?, ?, ?, ?)")
			.params(Timestamp.from(now), mobile, iin, address)
			.update();
	}

	/** Codes asked for in the hour before {@code now}: per phone, per IIN, per client address. */
	long[] requestsInTheLastHour(String mobile, String iin, String address, Instant now) {
		Timestamp since = Timestamp.from(now.minusSeconds(3600));
		return jdbc.sql("""
				select count(*) filter (where mobile = :mobile), count(*) filter (where iin = :iin),
				    count(*) filter (where address = :address)
				from code_request
				where at > :since and at <= :now and (mobile = :mobile or iin = :iin or address = :address)""")
			.param("mobile", mobile)
			.param("iin", iin)
			.param("address", address)
			.param("since", since)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}
}
