package kz.khc.elorda.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.Iin;
import kz.khc.elorda.audit.AuditTrail;
import kz.khc.elorda.editions.Edition;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of applications. The applicant uploads and removes them while the application is a draft; the
 * applicant and, once it is submitted, akimat officers read them — an officer's every opening of a document is
 * audited. Each is stored whole with the SHA-256 of its bytes in one transaction, its format told by its bytes.
 * Uploads and removals lock the application as a submission does, so a submission checks exactly the documents it
 * goes with.
 */
@Service
public class Documents {

	/** Everything but the bytes. */
	private static final String METADATA = """
			id, application_id, type, holder_iin, issued_on, file_name, media_type, size_bytes, sha256, uploaded_at""";

	private final JdbcClient jdbc;
	private final ApplicationLookup applications;
	private final AuditTrail audit;
	private final DocumentProperties properties;
	private final Clock clock;

	Documents(JdbcClient jdbc, ApplicationLookup applications, AuditTrail audit, DocumentProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** A document as the signature over the application will cover it. */
	public record Checksum(UUID id, Edition.DocumentType type, String holderIin, LocalDate issuedOn, String sha256) {
	}

	/** The application's documents as the completeness check sees them ({@link DocumentCheck#check}). */
	public List<DocumentCheck.Uploaded> uploaded(UUID applicationId) {
		return jdbc.sql("""
				select type, holder_iin, issued_on from application_document where application_id = ?
				order by type collate "C", holder_iin, issued_on, id""")
			.param(applicationId)
			.query((rs, row) -> new DocumentCheck.Uploaded(Edition.DocumentType.valueOf(rs.getString("type")),
					rs.getString("holder_iin"), rs.getObject("issued_on", LocalDate.class)))
			.list();
	}

	/** The application's documents with their checksums, in an order that depends on nothing but them. */
	public List<Checksum> checksums(UUID applicationId) {
		return jdbc.sql("""
				select id, type, holder_iin, issued_on, sha256 from application_document where application_id = ?
				order by type collate "C", holder_iin, issued_on, sha256, id""")
			.param(applicationId)
			.query((rs, row) -> new Checksum(rs.getObject("id", UUID.class),
					Edition.DocumentType.valueOf(rs.getString("type")), rs.getString("holder_iin"),
					rs.getObject("issued_on", LocalDate.class), rs.getString("sha256")))
			.list();
	}

	/** A stored document, without its bytes. */
	record Document(UUID id, UUID applicationId, Edition.DocumentType type, String holderIin, LocalDate issuedOn,
			String fileName, DocumentFormat format, long size, String sha256, Instant uploadedAt) {
	}

	/** @param name the file's name as the client gave it */
	record File(@Nullable String name, long size, InputStreamSource bytes) {
	}

	/** The form of an upload, as it came: each field is checked here, and named when it is wrong. */
	record Upload(@Nullable File file, @Nullable String type, @Nullable String holderIin,
			@Nullable String issuedOn) {
	}

	/** Who reads: the applicant (their own applications) or an akimat officer (submitted ones only). */
	record Reader(String id, boolean staff) {
	}

	/** @param message the key of what is wrong with the field */
	record FieldProblem(String field, String message) {
	}

	/** Not there, or not the reader's to see: the same answer, so that nothing is revealed. */
	static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}

	/** The application is submitted: its documents never change afterwards. */
	static final class NotADraft extends RuntimeException {

		NotADraft() {
			super(null, null, false, false);
		}
	}

	static final class Invalid extends RuntimeException {

		final List<FieldProblem> problems;

		Invalid(List<FieldProblem> problems) {
			super(null, null, false, false);
			this.problems = problems;
		}
	}

	static final class TooLarge extends RuntimeException {

		TooLarge() {
			super(null, null, false, false);
		}
	}

	/** Not a PDF, JPEG or PNG by its bytes, or one with something else inside. */
	static final class UnsupportedFormat extends RuntimeException {

		final DocumentFormat.Refusal refusal;

		UnsupportedFormat(DocumentFormat.Refusal refusal) {
			super(null, null, false, false);
			this.refusal = refusal;
		}
	}

	static final class TooMany extends RuntimeException {

		TooMany() {
			super(null, null, false, false);
		}
	}

	@Transactional
	Document upload(UUID applicationId, String citizenId, Upload upload) {
		ApplicationLookup.Summary application = ownDraft(applicationId, citizenId);
		List<FieldProblem> problems = new ArrayList<>();
		File file = upload.file();
		if (file == null) {
			problems.add(new FieldProblem("file", "NotNull"));
		}
		else if (file.size() == 0) {
			problems.add(new FieldProblem("file", "kz.khc.elorda.documents.empty"));
		}
		Edition.DocumentType type = type(upload.type(), problems);
		String holder = holder(upload.holderIin(), application, problems);
		LocalDate issuedOn = issuedOn(upload.issuedOn(), problems);
		if (!problems.isEmpty() || file == null || type == null || holder == null || issuedOn == null) {
			throw new Invalid(problems);
		}
		byte[] content = read(file);
		if (content.length == 0) {
			throw new Invalid(List.of(new FieldProblem("file", "kz.khc.elorda.documents.empty")));
		}
		DocumentFormat format = DocumentFormat.of(content)
			.orElseThrow(() -> new UnsupportedFormat(DocumentFormat.refusal(content)));
		long count = jdbc.sql("select count(*) from application_document where application_id = ?")
			.param(applicationId)
			.query(Long.class)
			.single();
		if (count >= properties.maxPerApplication()) {
			throw new TooMany();
		}
		Document document = new Document(UUID.randomUUID(), applicationId, type, holder, issuedOn,
				FileNames.sanitize(file.name()), format, content.length, sha256(content), Instant.now(clock));
		jdbc.sql("""
				insert into application_document (id, application_id, type, holder_iin, issued_on, file_name, media_type,
				                                  size_bytes, sha256, content, uploaded_at, uploaded_by)
				values (:id, :application, :type, :holder, :issuedOn, :fileName, :mediaType, :size, :sha256, :content,
				        :uploadedAt, :uploadedBy)""")
			.param("id", document.id())
			.param("application", applicationId)
			.param("type", type.name())
			.param("holder", holder)
			.param("issuedOn", issuedOn)
			.param("fileName", document.fileName())
			.param("mediaType", format.mediaType)
			.param("size", document.size())
			.param("sha256", document.sha256())
			.param("content", content)
			.param("uploadedAt", Timestamp.from(document.uploadedAt()))
			.param("uploadedBy", citizenId)
			.update();
		audit.record(citizenId, "document.uploaded", subject(applicationId), "%s %s of %s issued %s, %d bytes, sha256 %s"
			.formatted(document.id(), type, new Iin(holder).masked(), issuedOn, content.length, document.sha256()));
		return document;
	}

	List<Document> list(UUID applicationId, Reader reader) {
		readable(applicationId, reader);
		return jdbc.sql("select " + METADATA + " from application_document where application_id = ? "
				+ "order by type collate \"C\", holder_iin, issued_on, uploaded_at, id")
			.param(applicationId)
			.query(Documents::document)
			.list();
	}

	Document one(UUID applicationId, UUID documentId, Reader reader) {
		readable(applicationId, reader);
		return find(applicationId, documentId).orElseThrow(NotFound::new);
	}

	record Content(Document document, byte[] bytes) {
	}

	/** The document's bytes; an officer's reading is audited before they get them. */
	@Transactional
	Content content(UUID applicationId, UUID documentId, Reader reader) {
		readable(applicationId, reader);
		Document document = find(applicationId, documentId).orElseThrow(NotFound::new);
		byte[] bytes = jdbc.sql("select content from application_document where id = ?")
			.param(documentId)
			.query((rs, row) -> rs.getBytes("content"))
			.single();
		if (reader.staff()) {
			audit.record(reader.id(), "document.read", subject(applicationId), "%s %s of %s, sha256 %s".formatted(
					documentId, document.type(), new Iin(document.holderIin()).masked(), document.sha256()));
		}
		return new Content(document, bytes);
	}

	@Transactional
	void delete(UUID applicationId, UUID documentId, String citizenId) {
		ownDraft(applicationId, citizenId);
		Document document = find(applicationId, documentId).orElseThrow(NotFound::new);
		jdbc.sql("delete from application_document where id = ?").param(documentId).update();
		audit.record(citizenId, "document.deleted", subject(applicationId), "%s %s of %s issued %s, sha256 %s"
			.formatted(documentId, document.type(), new Iin(document.holderIin()).masked(), document.issuedOn(),
					document.sha256()));
	}

	private ApplicationLookup.Summary ownDraft(UUID applicationId, String citizenId) {
		ApplicationLookup.Summary application = applications.find(applicationId, true)
			.filter(found -> found.applicantId().equals(citizenId))
			.orElseThrow(NotFound::new);
		if (!application.draft()) {
			throw new NotADraft();
		}
		return application;
	}

	/** The applicant reads their own; an officer reads a submitted application's (a draft is nobody else's). */
	private void readable(UUID applicationId, Reader reader) {
		applications.find(applicationId, false)
			.filter(found -> reader.staff() ? !found.draft() : found.applicantId().equals(reader.id()))
			.orElseThrow(NotFound::new);
	}

	private Optional<Document> find(UUID applicationId, UUID documentId) {
		return jdbc.sql("select " + METADATA + " from application_document where id = ? and application_id = ?")
			.params(documentId, applicationId)
			.query(Documents::document)
			.optional();
	}

	private static Edition.@Nullable DocumentType type(@Nullable String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem("type", "NotNull"));
			return null;
		}
		try {
			return Edition.DocumentType.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("type", "kz.khc.elorda.documents.type"));
			return null;
		}
	}

	/** The applicant's or a family member's of the form: nobody else's documents go with the application. */
	private static @Nullable String holder(@Nullable String value, ApplicationLookup.Summary application,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem("holderIin", "NotNull"));
			return null;
		}
		if (!Iin.isValid(value)) {
			problems.add(new FieldProblem("holderIin", "kz.khc.elorda.applications.iin"));
			return null;
		}
		if (!application.people().contains(value)) {
			problems.add(new FieldProblem("holderIin", "kz.khc.elorda.documents.holder"));
			return null;
		}
		return value;
	}

	/** {@code yyyy-MM-dd}, not after today in Asia/Almaty. */
	private @Nullable LocalDate issuedOn(@Nullable String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem("issuedOn", "NotNull"));
			return null;
		}
		LocalDate issuedOn;
		try {
			issuedOn = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem("issuedOn", "kz.khc.elorda.documents.date"));
			return null;
		}
		if (issuedOn.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("issuedOn", "kz.khc.elorda.documents.future"));
			return null;
		}
		return issuedOn;
	}

	/** At most one byte more than the limit is read, whatever size the client declared. */
	private byte[] read(File file) {
		long max = properties.maxSize().toBytes();
		if (file.size() > max) {
			throw new TooLarge();
		}
		try (InputStream in = file.bytes().getInputStream()) {
			byte[] content = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
			if (content.length > max) {
				throw new TooLarge();
			}
			return content;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Document document(ResultSet rs, int row) throws SQLException {
		return new Document(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				Edition.DocumentType.valueOf(rs.getString("type")), rs.getString("holder_iin"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("file_name"),
				DocumentFormat.ofMediaType(rs.getString("media_type")).orElseThrow(), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant());
	}

	private static String subject(UUID applicationId) {
		return "application/" + applicationId;
	}
}
