package kz.khc.elorda.applications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Editions;
import kz.khc.elorda.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * DOMAIN A5: how many applications an edition has taken, in total and in each of its categories, for anyone to see
 * without logging in. {@code current} is the edition open now.
 */
@RestController
class CountersController {

	/** The counters change with every submission; a few seconds' lag spares the database the city's refreshes. */
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();

	private final Applications applications;
	private final Editions editions;
	private final Problems problems;
	private final Clock clock;

	CountersController(Applications applications, Editions editions, Problems problems, Clock clock) {
		this.applications = applications;
		this.editions = editions;
		this.problems = problems;
		this.clock = clock;
	}

	/** @param categories every category of the edition, none left out for having no application yet */
	record Counters(String editionId, long total, Map<ProgrammeCategory, Long> categories, Instant asOf) {
	}

	@GetMapping("/api/elorda/v1/editions/{id}/counters")
	ResponseEntity<?> counters(@PathVariable String id, Locale locale) {
		Instant now = Instant.now(clock);
		boolean current = "current".equals(id);
		Optional<Edition> found = current ? editions.openAt(now) : editions.find(id);
		if (found.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(problems.of(HttpStatus.NOT_FOUND, current ? "no-open-edition" : "not-found", locale));
		}
		Edition edition = found.get();
		Map<ProgrammeCategory, Long> submitted = applications.countsByCategory(edition.id());
		Map<ProgrammeCategory, Long> categories = new LinkedHashMap<>();
		edition.terms().categories().forEach(category -> categories.put(category, submitted.getOrDefault(category, 0L)));
		long total = submitted.values().stream().mapToLong(Long::longValue).sum();
		return ResponseEntity.ok().cacheControl(CACHE).body(new Counters(edition.id(), total, categories, now));
	}
}
