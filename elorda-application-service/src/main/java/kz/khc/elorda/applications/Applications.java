package kz.khc.elorda.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.elorda.signature.SignatureEvidence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

@Repository
class Applications {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Applications(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The next number of the year's numbering: {@code EZ-2026-000042}. */
	String nextNumber(LocalDate today) {
		long serial = jdbc.sql("select nextval('application_number_seq')").query(Long.class).single();
		return "EZ-%d-%06d".formatted(today.getYear(), serial);
	}

	/** @return false when the person already has an application in the edition */
	boolean addDraft(Application draft) {
		return jdbc.sql("""
				insert into application (id, applicant_id, applicant_iin, edition_id, status, category, form, created_at,
				                         updated_at)
				values (:id, :applicant, :iin, :edition, 'DRAFT', :category, cast(:form as jsonb), :now, :now)
				on conflict (edition_id, applicant_iin) where edition_id is not null do nothing""")
			.param("id", draft.id())
			.param("applicant", draft.applicantId())
			.param("iin", draft.applicantIin())
			.param("edition", draft.editionId())
			.param("category", draft.category() == null ? null : draft.category().name())
			.param("form", json.writeValueAsString(draft.form()))
			.param("now", Timestamp.from(draft.updatedAt()))
			.update() == 1;
	}

	/** Saves the form of a draft; false when it is no longer a draft. */
	boolean saveDraft(UUID id, ApplicationForm form, Instant now) {
		return jdbc.sql("""
				update application set form = cast(:form as jsonb), category = :category, updated_at = :now
				where id = :id and status = 'DRAFT'""")
			.param("form", json.writeValueAsString(form))
			.param("category", form.category() == null ? null : form.category().name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	/** Marks a draft submitted under its number; false when it was not a draft any more. */
	boolean markSubmitted(UUID id, String number, Instant now) {
		return jdbc.sql("""
				update application set status = 'SUBMITTED', number = ?, submitted_at = ?, updated_at = ?
				where id = ? and status = 'DRAFT'""")
			.params(number, Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	/**
	 * Gives a submitted application staff's decision as its status (VERIFIED or REJECTED); false when it was not
	 * SUBMITTED. Of two officers deciding at once, the second's update waits for the first's row lock and then finds
	 * the status changed.
	 */
	boolean markDecided(UUID id, Application.Status decision, Instant now) {
		if (decision != Application.Status.VERIFIED && decision != Application.Status.REJECTED) {
			throw new IllegalArgumentException("not a decision: " + decision);
		}
		return jdbc.sql("""
				update application set status = ?, updated_at = ?
				where id = ? and status = 'SUBMITTED'""")
			.params(decision.name(), Timestamp.from(now), id)
			.update() == 1;
	}

	/**
	 * Records the family of a submitted application in its edition; false when one of them is already in another
	 * submitted application there (the other spouse applied).
	 */
	boolean claimFamily(Application application, @Nullable String spouseIin) {
		int claimed = jdbc.sql("""
				insert into application_person (edition_id, iin, application_id, role)
				select :edition, iin, :id, role from (values (:applicant, 'APPLICANT'), (:spouse, 'SPOUSE')) as p (iin, role)
				where iin is not null
				on conflict do nothing""")
			.param("edition", application.editionId())
			.param("id", application.id())
			.param("applicant", application.applicantIin())
			.param("spouse", spouseIin)
			.update();
		return claimed == (spouseIin == null ? 1 : 2);
	}

	/** Keeps the signature a submission was accepted with: the bytes signed, the CMS and what was checked. */
	void addSignature(UUID id, byte[] content, byte[] cms, SignatureEvidence evidence) {
		jdbc.sql("""
				insert into application_signature (application_id, content, content_sha256, cms, evidence, signed_at,
				                                   verified_at)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
			.params(id, content, SigningContent.sha256(content), cms, json.writeValueAsString(evidence),
					evidence.signingTime() == null ? null : Timestamp.from(evidence.signingTime()),
					Timestamp.from(evidence.verifiedAt()))
			.update();
	}

	/** The CMS a submitted application was accepted with. */
	Optional<byte[]> signature(UUID id) {
		return jdbc.sql("select cms from application_signature where application_id = ?")
			.param(id)
			.query(byte[].class)
			.optional();
	}

	Optional<Application> byId(UUID id) {
		return jdbc.sql("select * from application where id = ? and edition_id is not null")
			.param(id)
			.query(this::map)
			.optional();
	}

	/**
	 * The application, its row locked until the transaction ends: a submission and a change of its documents wait for
	 * each other.
	 */
	Optional<Application> lockedById(UUID id) {
		return jdbc.sql("select * from application where id = ? and edition_id is not null for update")
			.param(id)
			.query(this::map)
			.optional();
	}

	Optional<Application> inEdition(String editionId, String applicantIin) {
		return jdbc.sql("select * from application where edition_id = ? and applicant_iin = ?")
			.params(editionId, applicantIin)
			.query(this::map)
			.optional();
	}

	List<Application> byApplicant(String applicantId) {
		return jdbc.sql("""
				select * from application where applicant_id = ? and edition_id is not null
				order by created_at desc""")
			.param(applicantId)
			.query(this::map)
			.list();
	}

	/**
	 * Submitted ones (not drafts), for staff: the undecided first, then by the verification deadline, then by
	 * submission. The deadline (DOMAIN A1) is a fixed number of working days after the edition's close, so it orders
	 * as the close does; windows never overlap, so neither do two editions' submission times.
	 */
	List<Application> page(@Nullable ProgrammeCategory category, Application.@Nullable Status status, int page,
			int size) {
		return jdbc.sql("""
				select a.* from application a join edition e on e.id = a.edition_id
				where a.status <> 'DRAFT'
				  and (cast(:category as text) is null or a.category = :category)
				  and (cast(:status as text) is null or a.status = :status)
				order by a.status <> 'SUBMITTED', e.closes_at, a.submitted_at, a.number
				limit :size offset :offset""")
			.param("category", category == null ? null : category.name())
			.param("status", status == null ? null : status.name())
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
	}

	long count(@Nullable ProgrammeCategory category, Application.@Nullable Status status) {
		return jdbc.sql("""
				select count(*) from application
				where edition_id is not null and status <> 'DRAFT'
				  and (cast(:category as text) is null or category = :category)
				  and (cast(:status as text) is null or status = :status)""")
			.param("category", category == null ? null : category.name())
			.param("status", status == null ? null : status.name())
			.query(Long.class)
			.single();
	}

	/** Submitted applications (drafts are nobody's business) of an edition by category, for the public counters. */
	Map<ProgrammeCategory, Long> countsByCategory(String editionId) {
		Map<ProgrammeCategory, Long> counts = new EnumMap<>(ProgrammeCategory.class);
		jdbc.sql("""
				select category, count(*) from application
				where edition_id = ? and status <> 'DRAFT'
				group by category""")
			.param(editionId)
			.query((RowCallbackHandler) rs -> counts.put(ProgrammeCategory.valueOf(rs.getString(1)), rs.getLong(2)));
		return counts;
	}

	private Application map(ResultSet rs, int row) throws SQLException {
		String category = rs.getString("category");
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new Application(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("applicant_id"),
				rs.getString("applicant_iin"), rs.getString("edition_id"),
				Application.Status.valueOf(rs.getString("status")),
				category == null ? null : ProgrammeCategory.valueOf(category),
				json.readValue(rs.getString("form"), ApplicationForm.class),
				submitted == null ? null : submitted.toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
