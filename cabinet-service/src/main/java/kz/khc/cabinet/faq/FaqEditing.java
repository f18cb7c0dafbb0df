package kz.khc.cabinet.faq;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.khc.cabinet.audit.AuditTrail;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff edit the FAQ here: each change is stored and audited in one transaction. */
@Service
class FaqEditing {

	private static final Logger log = LoggerFactory.getLogger(FaqEditing.class);

	private final FaqEntries entries;
	private final AuditTrail audit;
	private final Clock clock;

	FaqEditing(FaqEntries entries, AuditTrail audit, ObjectProvider<Clock> clock) {
		this.entries = entries;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Adds an entry at {@code position}, or after the last one when that is not given. */
	@Transactional
	FaqEntry create(String editor, @Nullable Integer position, Map<Language, FaqEntry.Translation> texts) {
		FaqEntry entry = new FaqEntry(UUID.randomUUID(), position != null ? position : entries.nextPosition(), texts,
				Instant.now(clock), editor);
		entries.add(entry);
		audit.record(editor, "faq.created", subject(entry.id()),
				"added at position " + entry.position() + ": " + ruQuestion(entry));
		log.info("FAQ entry {} created at position {}", entry.id(), entry.position());
		return entry;
	}

	/** Replaces all texts of an entry, and its position when given; empty if there is no such entry. */
	@Transactional
	Optional<FaqEntry> replace(String editor, UUID id, @Nullable Integer position,
			Map<Language, FaqEntry.Translation> texts) {
		return entries.byId(id).map(current -> {
			FaqEntry entry = new FaqEntry(id, position != null ? position : current.position(), texts,
					Instant.now(clock), editor);
			entries.replace(entry);
			audit.record(editor, "faq.updated", subject(id),
					"replaced, position " + entry.position() + ": " + ruQuestion(entry));
			log.info("FAQ entry {} replaced", id);
			return entry;
		});
	}

	/** Removes an entry; {@code false} if there is no such entry. */
	@Transactional
	boolean delete(String editor, UUID id) {
		Optional<FaqEntry> current = entries.byId(id);
		if (current.isEmpty() || !entries.remove(id)) {
			return false;
		}
		audit.record(editor, "faq.deleted", subject(id), "deleted: " + ruQuestion(current.get()));
		log.info("FAQ entry {} deleted", id);
		return true;
	}

	private static String subject(UUID id) {
		return "faq/" + id;
	}

	private static String ruQuestion(FaqEntry entry) {
		return "«" + entry.translations().get(Language.RU).question() + "»";
	}
}
