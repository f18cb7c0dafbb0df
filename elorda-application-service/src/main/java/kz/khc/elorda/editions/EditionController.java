package kz.khc.elorda.editions;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import kz.khc.elorda.web.Problems;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Anyone reads the editions and their terms; akimat officers create them and move or close their windows. */
@RestController
class EditionController {

	static final String EDITIONS = "/api/elorda/v1/editions";

	private final Editions editions;
	private final Problems problems;
	private final Clock clock;

	EditionController(Editions editions, Problems problems, Clock clock) {
		this.editions = editions;
		this.problems = problems;
		this.clock = clock;
	}

	/** @param open whether it takes applications now */
	record EditionView(String id, String name, Instant opensAt, Instant closesAt, boolean open, Edition.Terms terms) {
	}

	@GetMapping(EDITIONS)
	ResponseEntity<List<EditionView>> all() {
		Instant now = Instant.now(clock);
		return publicly(editions.all().stream().map(edition -> view(edition, now)).toList());
	}

	@GetMapping(EDITIONS + "/current")
	ResponseEntity<EditionView> current() {
		Instant now = Instant.now(clock);
		return publicly(view(editions.openAt(now).orElseThrow(NoOpenEdition::new), now));
	}

	@GetMapping(EDITIONS + "/{id}")
	ResponseEntity<EditionView> one(@PathVariable String id) {
		return publicly(view(editions.find(id).orElseThrow(Editions.NotFound::new), Instant.now(clock)));
	}

	/** @param terms null for the latest edition's terms */
	record NewEdition(@NotNull @Pattern(regexp = "[a-z0-9-]{1,20}") String id, @NotBlank @Size(max = 200) String name,
			@NotNull Instant opensAt, @NotNull Instant closesAt, @Valid Edition.@Nullable Terms terms) {

		@AssertTrue(message = "{kz.khc.elorda.editions.window}")
		boolean isClosesAt() {
			return opensAt == null || closesAt == null || closesAt.isAfter(opensAt);
		}
	}

	@PostMapping(EDITIONS)
	@PreAuthorize("hasRole('akimat-officer')")
	ResponseEntity<EditionView> create(@Valid @RequestBody NewEdition request, Authentication officer) {
		Edition edition = editions.create(request.id(), request.name(), request.opensAt(), request.closesAt(),
				request.terms(), officer.getName());
		return ResponseEntity.created(URI.create(EDITIONS + "/" + edition.id()))
			.body(view(edition, Instant.now(clock)));
	}

	record Window(@NotNull Instant opensAt, @NotNull Instant closesAt, @NotBlank @Size(max = 1000) String reason) {

		@AssertTrue(message = "{kz.khc.elorda.editions.window}")
		boolean isClosesAt() {
			return opensAt == null || closesAt == null || closesAt.isAfter(opensAt);
		}
	}

	@PutMapping(EDITIONS + "/{id}/window")
	@PreAuthorize("hasRole('akimat-officer')")
	EditionView moveWindow(@PathVariable String id, @Valid @RequestBody Window window, Authentication officer) {
		return view(editions.moveWindow(id, window.opensAt(), window.closesAt(), window.reason(), officer.getName()),
				Instant.now(clock));
	}

	record Closure(@NotBlank @Size(max = 1000) String reason) {
	}

	@PostMapping(EDITIONS + "/{id}/closure")
	@PreAuthorize("hasRole('akimat-officer')")
	EditionView close(@PathVariable String id, @Valid @RequestBody Closure closure, Authentication officer) {
		return view(editions.close(id, closure.reason(), officer.getName()), Instant.now(clock));
	}

	static final class NoOpenEdition extends RuntimeException {

		NoOpenEdition() {
			super(null, null, false, false);
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(Editions.NotFound ex, Locale locale) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> noOpenEdition(NoOpenEdition ex, Locale locale) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "no-open-edition", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> exists(Editions.Exists ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "edition-exists", locale));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> overlaps(Editions.Overlaps ex, Locale locale) {
		return respond(problems.of(HttpStatus.CONFLICT, "edition-overlaps", locale, ex.other));
	}

	private static EditionView view(Edition edition, Instant now) {
		return new EditionView(edition.id(), edition.name(), edition.opensAt(), edition.closesAt(),
				edition.openAt(now), edition.terms());
	}

	/** Public and the same for everyone: caches may keep it a minute (a window moved shows within it). */
	private static <T> ResponseEntity<T> publicly(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
			.body(body);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
