package kz.khc.cabinet.faq;

import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The FAQ: anyone reads it (no token needed) in the language of {@code Accept-Language}; staff with the role
 * {@code cabinet-editor} create, replace and delete entries.
 */
@RestController
@RequestMapping("/api/cabinet/v1/faq")
class FaqController {

	private final FaqEntries entries;
	private final FaqEditing editing;

	FaqController(FaqEntries entries, FaqEditing editing) {
		this.entries = entries;
		this.editing = editing;
	}

	/**
	 * A page of questions with their answers: without {@code q} in display order, with {@code q} those matching
	 * its words (in any of their forms, for Russian and English), most relevant first.
	 */
	@GetMapping
	FaqPage list(@RequestParam(required = false) @Nullable @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "10") @Min(1) @Max(50) int size, Locale locale) {
		Language language = Language.of(locale);
		String query = searchText(q);
		if (query.isEmpty()) {
			return new FaqPage(entries.page(language, page, size).stream().map(FaqItem::of).toList(), page, size,
					entries.count());
		}
		return new FaqPage(entries.search(language, query, page, size).stream().map(FaqItem::of).toList(), page,
				size, entries.countMatching(language, query));
	}

	/** One entry with all its texts, as an editor loads it to change it. */
	@GetMapping("/{id}")
	FaqEntryView one(@PathVariable UUID id) {
		return entries.byId(id).map(FaqEntryView::of).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	@PostMapping
	@PreAuthorize("hasRole('cabinet-editor')")
	ResponseEntity<FaqEntryView> create(@AuthenticationPrincipal Jwt editor,
			@Valid @RequestBody FaqEntryRequest request) {
		FaqEntry entry = editing.create(editor.getSubject(), request.position(), request.translations());
		return ResponseEntity.created(URI.create("/api/cabinet/v1/faq/" + entry.id())).body(FaqEntryView.of(entry));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('cabinet-editor')")
	FaqEntryView replace(@AuthenticationPrincipal Jwt editor, @PathVariable UUID id,
			@Valid @RequestBody FaqEntryRequest request) {
		return editing.replace(editor.getSubject(), id, request.position(), request.translations())
			.map(FaqEntryView::of)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('cabinet-editor')")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt editor, @PathVariable UUID id) {
		if (!editing.delete(editor.getSubject(), id)) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * The words to search for: control characters (PostgreSQL text cannot hold NUL) become spaces; blank means no
	 * search.
	 */
	private static String searchText(@Nullable String q) {
		return q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
	}

	record FaqPage(List<FaqItem> items, int page, int size, long total) {
	}

	record FaqItem(UUID id, String question, String answer) {

		static FaqItem of(FaqEntry.Shown shown) {
			return new FaqItem(shown.id(), shown.question(), shown.answer());
		}
	}

	/** A new or replacing entry: ru and kk texts required, en optional; without a position a new entry goes last. */
	record FaqEntryRequest(@Nullable @Min(1) Integer position, @NotNull @Valid Text ru, @NotNull @Valid Text kk,
			@Nullable @Valid Text en) {

		Map<Language, FaqEntry.Translation> translations() {
			Map<Language, FaqEntry.Translation> translations = new EnumMap<>(Language.class);
			translations.put(Language.RU, ru.translation());
			translations.put(Language.KK, kk.translation());
			if (en != null) {
				translations.put(Language.EN, en.translation());
			}
			return translations;
		}
	}

	/** A question and its answer in one language; the answer is plain text or minimal markdown. */
	record Text(@NotBlank @Size(max = 500) String question, @NotBlank @Size(max = 5000) String answer) {

		FaqEntry.Translation translation() {
			return new FaqEntry.Translation(question.strip(), answer.strip());
		}

		static @Nullable Text of(FaqEntry.@Nullable Translation translation) {
			return translation == null ? null : new Text(translation.question(), translation.answer());
		}
	}

	record FaqEntryView(UUID id, int position, Text ru, Text kk, @Nullable Text en, Instant updatedAt) {

		static FaqEntryView of(FaqEntry entry) {
			Map<Language, FaqEntry.Translation> texts = entry.translations();
			return new FaqEntryView(entry.id(), entry.position(), text(texts.get(Language.RU)),
					text(texts.get(Language.KK)), Text.of(texts.get(Language.EN)), entry.updatedAt());
		}

		private static Text text(FaqEntry.@Nullable Translation translation) {
			Text text = Text.of(translation);
			if (text == null) {
				throw new IllegalStateException("ru and kk texts are required");
			}
			return text;
		}
	}
}
