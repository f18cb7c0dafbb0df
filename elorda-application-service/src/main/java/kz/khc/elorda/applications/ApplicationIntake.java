package kz.khc.elorda.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import kz.khc.contracts.ContactDetails;
import kz.khc.contracts.Iin;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.elorda.audit.AuditTrail;
import kz.khc.elorda.documents.DocumentCheck;
import kz.khc.elorda.documents.Documents;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Editions;
import kz.khc.elorda.signature.SignatureEvidence;
import kz.khc.elorda.signature.SignatureRefused;
import kz.khc.elorda.signature.Signatures;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes applications in: a draft in the open edition, saved as often as the applicant likes, then submitted once
 * with the applicant's electronic digital signature — checked complete and signed, numbered, its family claimed in
 * the edition, the signature kept, audited and published as {@code ApplicationSubmitted}, all in one transaction.
 */
@Service
class ApplicationIntake {

	private static final Logger log = LoggerFactory.getLogger(ApplicationIntake.class);

	private final Applications applications;
	private final Documents documents;
	private final Editions editions;
	private final Validator validator;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Signatures signatures;
	private final TransactionTemplate transactions;
	private final TransactionTemplate reading;
	private final Clock clock;

	ApplicationIntake(Applications applications, Documents documents, Editions editions, Validator validator,
			AuditTrail audit, ApplicationEventPublisher events, Signatures signatures,
			PlatformTransactionManager transactions, Clock clock) {
		this.applications = applications;
		this.documents = documents;
		this.editions = editions;
		this.validator = validator;
		this.audit = audit;
		this.events = events;
		this.signatures = signatures;
		this.transactions = new TransactionTemplate(transactions);
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.clock = clock;
	}

	/** No edition takes applications now (DOMAIN A1: outside the window nothing is taken). */
	static final class IntakeClosed extends RuntimeException {

		IntakeClosed() {
			super(null, null, false, false);
		}
	}

	/** The person already has an application in this edition. */
	static final class AlreadyApplied extends RuntimeException {

		final UUID existing;

		AlreadyApplied(UUID existing) {
			super(null, null, false, false);
			this.existing = existing;
		}
	}

	/** A submitted application cannot be changed. */
	static final class NotADraft extends RuntimeException {

		NotADraft() {
			super(null, null, false, false);
		}
	}

	/** The applicant or the spouse is already in another submitted application of the edition (DOMAIN E2). */
	static final class FamilyAlreadyApplied extends RuntimeException {

		FamilyAlreadyApplied() {
			super(null, null, false, false);
		}
	}

	/**
	 * The form is not complete or not consistent, or the documents are not the package the edition asks for: the
	 * fields and the documents say what is missing or wrong.
	 */
	static final class Incomplete extends RuntimeException {

		final List<ApplicationForm.FieldProblem> problems;
		final List<DocumentProblem> documents;

		Incomplete(List<ApplicationForm.FieldProblem> problems, List<DocumentProblem> documents) {
			super(null, null, false, false);
			this.problems = problems;
			this.documents = documents;
		}
	}

	/** The draft changed between the signing and the submission: what was signed is not what would be submitted. */
	static final class ChangedAfterSigning extends RuntimeException {

		ChangedAfterSigning() {
			super(null, null, false, false);
		}
	}

	/** @param maxAgeDays how old the document may be on the submission day, as the requirement says */
	record DocumentProblem(DocumentCheck.Finding finding, @Nullable Integer maxAgeDays) {
	}

	static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}
	}

	@Transactional
	Application startDraft(String applicantId, Iin iin, ApplicationForm form) {
		Instant now = Instant.now(clock);
		Edition edition = editions.openAt(now).orElseThrow(IntakeClosed::new);
		Application draft = new Application(UUID.randomUUID(), null, applicantId, iin.value(), edition.id(),
				Application.Status.DRAFT, form.category(), form, null, now);
		if (!applications.addDraft(draft)) {
			throw new AlreadyApplied(applications.inEdition(edition.id(), iin.value()).orElseThrow().id());
		}
		audit.record(applicantId, "application.draft-started", subject(draft.id()), "edition " + edition.id());
		return draft;
	}

	@Transactional
	Application saveDraft(UUID id, String applicantId, ApplicationForm form) {
		own(id, applicantId);
		if (!applications.saveDraft(id, form, Instant.now(clock))) {
			throw new NotADraft();
		}
		return applications.byId(id).orElseThrow();
	}

	/**
	 * The bytes the applicant signs to submit the draft ({@link SigningContent}), given only when the draft could be
	 * submitted now: nobody is asked to sign an application that would be refused.
	 */
	@Transactional(readOnly = true)
	byte[] signingContent(UUID id, String applicantId) {
		Application draft = own(id, applicantId);
		if (!draft.draft()) {
			throw new NotADraft();
		}
		return contentToSign(draft);
	}

	private byte[] contentToSign(Application draft) {
		checkSubmittable(draft, Instant.now(clock));
		return SigningContent.of(draft, documents.checksums(draft.id()));
	}

	/**
	 * Submits the draft with the applicant's signature over its {@link #signingContent}. The signature is checked
	 * first, outside any transaction (the revocation check may wait on the national OCSP); then, with the draft's row
	 * locked, the draft must still be the one signed, and it is numbered, its family claimed, the signature kept and
	 * {@code ApplicationSubmitted} published, all in one transaction. The same signature sent again (a retry after a
	 * lost answer, a double click) answers the submitted application and changes nothing.
	 *
	 * @throws SignatureRefused nothing is stored; retryable when the revocation status could not be learned
	 */
	Application submit(UUID id, String applicantId, byte[] cms) {
		ToSign toSign = reading.execute(status -> {
			Application application = own(id, applicantId);
			return application.draft() ? new ToSign(application, contentToSign(application)) : null;
		});
		if (toSign == null) {
			return resubmitted(own(id, applicantId), cms);
		}
		SignatureEvidence evidence = signatures.verify(toSign.content(), cms, new Iin(toSign.draft().applicantIin()));
		return transactions.execute(status -> record(id, toSign.content(), cms, evidence));
	}

	/** A draft and the bytes its applicant signs, read in one read-only transaction. */
	private record ToSign(Application draft, byte[] content) {
	}

	private Application record(UUID id, byte[] signed, byte[] cms, SignatureEvidence evidence) {
		Application draft = applications.lockedById(id).orElseThrow(NotFound::new);
		if (!draft.draft()) {
			return resubmitted(draft, cms);
		}
		Instant now = Instant.now(clock);
		Edition edition = checkSubmittable(draft, now);
		if (!Arrays.equals(signed, SigningContent.of(draft, documents.checksums(draft.id())))) {
			throw new ChangedAfterSigning();
		}
		ApplicationForm form = draft.form();
		Iin iin = new Iin(draft.applicantIin());
		String number = applications.nextNumber(LocalDate.now(clock));
		if (!applications.claimFamily(draft, form.spouseIin().orElse(null))) {
			throw new FamilyAlreadyApplied();
		}
		applications.markSubmitted(id, number, now);
		applications.addSignature(id, signed, cms, evidence);
		ApplicationForm.Contact contact = form.contact();
		events.publishEvent(new ApplicationSubmitted(UUID.randomUUID(), now, id, number, form.category(), now,
				draft.applicantId(), iin.value(), new ContactDetails(contact.mobile(), contact.email(),
						contact.language()), form.facts(iin)));
		audit.record(draft.applicantId(), "application.submitted", subject(id),
				"%s in category %s, edition %s, signed by certificate %s".formatted(number, form.category(),
						edition.id(), evidence.certificateSerial()));
		log.info("Application {} submitted in category {}", number, form.category());
		return applications.byId(id).orElseThrow();
	}

	/** A submitted application sent again: the same signature is the same submission, anything else a change. */
	private Application resubmitted(Application submitted, byte[] cms) {
		if (applications.signature(submitted.id()).filter(kept -> Arrays.equals(kept, cms)).isEmpty()) {
			throw new NotADraft();
		}
		return submitted;
	}

	/**
	 * The edition still takes applications, the form is complete, consistent and within its terms, and the documents
	 * are the edition's package for this family, issued in their windows as of today in Asia/Almaty.
	 */
	private Edition checkSubmittable(Application draft, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		Edition edition = editions.find(draft.editionId()).filter(open -> open.openAt(now))
			.orElseThrow(IntakeClosed::new);
		ApplicationForm form = draft.form();
		List<ApplicationForm.FieldProblem> problems = new ArrayList<>(validator.validate(form, Default.class,
				ApplicationForm.Complete.class)
			.stream()
			.map(violation -> new ApplicationForm.FieldProblem(violation.getPropertyPath().toString(),
					violation.getMessage()))
			.toList());
		Iin iin = new Iin(draft.applicantIin());
		problems.addAll(form.inconsistencies(iin));
		problems.addAll(withinTerms(form, edition.terms()));
		List<DocumentProblem> missing = documentProblems(edition.terms().documents(), form.documentFamily(iin),
				documents.uploaded(draft.id()), today);
		if (!problems.isEmpty() || !missing.isEmpty()) {
			throw new Incomplete(problems, missing);
		}
		return edition;
	}

	private static List<DocumentProblem> documentProblems(List<Edition.DocumentRequirement> requirements,
			DocumentCheck.Family family, List<DocumentCheck.Uploaded> uploaded, LocalDate submissionDay) {
		Map<DocumentCheck.Needed, @Nullable Integer> needed = DocumentCheck.needed(requirements, family);
		return DocumentCheck.check(requirements, family, uploaded, submissionDay)
			.stream()
			.map(finding -> new DocumentProblem(finding,
					needed.get(new DocumentCheck.Needed(finding.type(), finding.holderIin()))))
			.toList();
	}

	private static List<ApplicationForm.FieldProblem> withinTerms(ApplicationForm form, Edition.Terms terms) {
		List<ApplicationForm.FieldProblem> problems = new ArrayList<>();
		if (form.category() != null && !terms.categories().contains(form.category())) {
			problems.add(new ApplicationForm.FieldProblem("category", "kz.khc.elorda.applications.category"));
		}
		if (form.requestedLoan() != null && (form.requestedLoan().compareTo(terms.minLoan()) < 0
				|| form.requestedLoan().compareTo(terms.maxLoan()) > 0)) {
			problems.add(new ApplicationForm.FieldProblem("requestedLoan", "kz.khc.elorda.applications.loan"));
		}
		return problems;
	}

	/** The applicant's own application; another's is as good as missing (404, never 403: nothing is revealed). */
	Application own(UUID id, String applicantId) {
		return applications.byId(id).filter(application -> application.applicantId().equals(applicantId))
			.orElseThrow(NotFound::new);
	}

	private static String subject(UUID id) {
		return "application/" + id;
	}
}
