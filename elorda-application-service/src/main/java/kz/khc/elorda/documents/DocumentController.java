package kz.khc.elorda.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.web.Problems;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The applicant uploads the documents of their draft one by one (multipart: {@code file}, {@code type},
 * {@code holderIin}, {@code issuedOn}), lists, downloads and removes them; akimat officers list and download those of
 * submitted applications. Someone else's application is answered as a missing one.
 */
@RestController
@RequestMapping("/api/elorda/v1/applications/{applicationId}/documents")
class DocumentController {

	private static final SimpleGrantedAuthority AKIMAT_OFFICER = new SimpleGrantedAuthority("ROLE_akimat-officer");

	private final Documents documents;
	private final Problems problems;
	private final MessageSource messages;
	private final DocumentProperties properties;

	DocumentController(Documents documents, Problems problems, MessageSource messages,
			DocumentProperties properties) {
		this.documents = documents;
		this.problems = problems;
		this.messages = messages;
		this.properties = properties;
	}

	/** @param mediaType as the bytes showed, not as the client said */
	record DocumentView(UUID id, Edition.DocumentType type, String holderIin, LocalDate issuedOn, String fileName,
			String mediaType, long size, String sha256, Instant uploadedAt) {

		static DocumentView of(Documents.Document document) {
			return new DocumentView(document.id(), document.type(), document.holderIin(), document.issuedOn(),
					document.fileName(), document.format().mediaType, document.size(), document.sha256(),
					document.uploadedAt());
		}
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('citizen')")
	ResponseEntity<DocumentView> upload(@PathVariable UUID applicationId,
			@RequestPart(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String holderIin,
			@RequestParam(required = false) @Nullable String issuedOn, Authentication citizen) {
		Documents.Document document = documents.upload(applicationId, citizen.getName(), new Documents.Upload(
				file == null ? null : new Documents.File(file.getOriginalFilename(), file.getSize(), file), type,
				holderIin, issuedOn));
		return ResponseEntity
			.created(URI.create("/api/elorda/v1/applications/" + applicationId + "/documents/" + document.id()))
			.body(DocumentView.of(document));
	}

	@GetMapping
	@PreAuthorize("hasRole('akimat-officer') or hasRole('citizen')")
	List<DocumentView> list(@PathVariable UUID applicationId, Authentication reader) {
		return documents.list(applicationId, reader(reader)).stream().map(DocumentView::of).toList();
	}

	@GetMapping("/{documentId}")
	@PreAuthorize("hasRole('akimat-officer') or hasRole('citizen')")
	DocumentView one(@PathVariable UUID applicationId, @PathVariable UUID documentId, Authentication reader) {
		return DocumentView.of(documents.one(applicationId, documentId, reader(reader)));
	}

	/**
	 * The bytes as stored, to be saved, never shown in the page: the stored type, no sniffing, an attachment under a
	 * name with the format's extension, the checksum as the entity tag, not kept in any cache.
	 */
	@GetMapping("/{documentId}/content")
	@PreAuthorize("hasRole('akimat-officer') or hasRole('citizen')")
	ResponseEntity<byte[]> content(@PathVariable UUID applicationId, @PathVariable UUID documentId,
			Authentication reader) {
		Documents.Content content = documents.content(applicationId, documentId, reader(reader));
		Documents.Document document = content.document();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.format().mediaType))
			.contentLength(content.bytes().length)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(document.format().downloadName(document.fileName()), StandardCharsets.UTF_8)
				.build()
				.toString())
			.eTag("\"" + document.sha256() + "\"")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(content.bytes());
	}

	@DeleteMapping("/{documentId}")
	@PreAuthorize("hasRole('citizen')")
	ResponseEntity<Void> delete(@PathVariable UUID applicationId, @PathVariable UUID documentId,
			Authentication citizen) {
		documents.delete(applicationId, documentId, citizen.getName());
		return ResponseEntity.noContent().build();
	}

	private static Documents.Reader reader(Authentication reader) {
		return new Documents.Reader(reader.getName(), reader.getAuthorities().contains(AKIMAT_OFFICER));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(Documents.NotFound ex, Locale locale) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notADraft(Documents.NotADraft ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "application-submitted", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(Documents.Invalid ex, Locale locale) {
		return respond(problems.withFieldErrors(problems.of(HttpStatus.BAD_REQUEST, "validation-failed", locale),
				ex.problems.stream()
					.map(problem -> new Problems.FieldError(problem.field(),
							messages.getMessage(problem.message(), null, problem.message(), locale)))
					.toList()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(Documents.TooLarge ex, Locale locale) {
		return respond(tooLarge(problems, properties, locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedFormat(Documents.UnsupportedFormat ex, Locale locale) {
		String reason = ex.refusal.code;
		ProblemDetail problem = problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-document-format", locale,
				new DefaultMessageSourceResolvable("problem.unsupported-document-format.reason." + reason));
		problem.setProperty("reason", reason);
		problem.setProperty("accepted", List.of("application/pdf", "image/jpeg", "image/png"));
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(Documents.TooMany ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "too-many-documents", locale,
				properties.maxPerApplication()));
	}

	/** The limit in megabytes, to be read by people: {@code 10}, {@code 0.5}. */
	static ProblemDetail tooLarge(Problems problems, DocumentProperties properties, Locale locale) {
		BigDecimal megabytes = BigDecimal.valueOf(properties.maxSize().toBytes())
			.divide(BigDecimal.valueOf(1024 * 1024), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros();
		ProblemDetail problem = problems.of(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", locale, megabytes);
		problem.setProperty("maxSizeBytes", properties.maxSize().toBytes());
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/**
	 * A request larger than {@code spring.servlet.multipart.*} allows is refused while it is read, before any
	 * controller: the same 413 as a document over the limit. Before the service's general advice, which would answer
	 * it without the limit.
	 */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class UploadLimits {

		private final Problems problems;
		private final DocumentProperties properties;

		UploadLimits(Problems problems, DocumentProperties properties) {
			this.problems = problems;
			this.properties = properties;
		}

		@ExceptionHandler
		ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, Locale locale) {
			return respond(DocumentController.tooLarge(problems, properties, locale));
		}
	}
}
