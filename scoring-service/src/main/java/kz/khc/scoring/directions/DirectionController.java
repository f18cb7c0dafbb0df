package kz.khc.scoring.directions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.khc.contracts.scoring.v1.BankOutcome;
import kz.khc.scoring.ranking.RankedLists;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.scoring.rules.Programmes;
import kz.khc.scoring.web.Page;
import kz.khc.scoring.web.Problems;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The akimat sets a list's quota, issues directions, annuls one; the bank's back office works from its inbox across
 * all lists and records its outcomes; a citizen follows their own direction. Every change is audited under the
 * officer's name (the token subject).
 */
@RestController
class DirectionController {

	private static final String LIST = "/api/scoring/v1/programmes/{programme}/editions/{edition}/lists/{category}";

	private final Directions directions;
	private final Programmes programmes;
	private final Problems problems;

	DirectionController(Directions directions, Programmes programmes, Problems problems) {
		this.directions = directions;
		this.programmes = programmes;
		this.problems = problems;
	}

	record Quota(@NotNull @Min(0) @Max(100_000) Integer quota) {
	}

	@PutMapping(LIST + "/quota")
	@PreAuthorize("hasRole('akimat-officer')")
	Quota setQuota(@PathVariable String programme, @PathVariable String edition, @PathVariable Category category,
			@Valid @RequestBody Quota quota, Authentication officer) {
		directions.setQuota(list(programme, edition), category, quota.quota(), officer.getName());
		return quota;
	}

	/** The quota and the places held now, for the akimat deciding how many more to give. */
	@GetMapping(LIST + "/quota")
	@PreAuthorize("hasRole('akimat-officer')")
	Directions.Places quota(@PathVariable String programme, @PathVariable String edition,
			@PathVariable Category category) {
		return directions.places(list(programme, edition), category);
	}

	@PostMapping(LIST + "/directions")
	@PreAuthorize("hasRole('akimat-officer')")
	List<Directions.Direction> issue(@PathVariable String programme, @PathVariable String edition,
			@PathVariable Category category, Authentication officer) {
		return directions.issue(list(programme, edition), category, officer.getName());
	}

	/** A list's directions: the akimat's view and the bank's inbox. */
	@GetMapping(LIST + "/directions")
	@PreAuthorize("hasAnyRole('akimat-officer', 'bank-officer')")
	List<Directions.Direction> ofList(@PathVariable String programme, @PathVariable String edition,
			@PathVariable Category category) {
		return directions.ofList(list(programme, edition), category);
	}

	record Annulment(@NotBlank @Size(max = 1000) String reason) {
	}

	@PostMapping("/api/scoring/v1/directions/{id}/annulment")
	@PreAuthorize("hasRole('akimat-officer')")
	Directions.Direction annul(@PathVariable UUID id, @Valid @RequestBody Annulment annulment,
			Authentication officer) {
		return directions.annul(id, annulment.reason(), officer.getName());
	}

	/** @param reason why, required for a failed qualification; a note for the others */
	@ReasonForFailure
	record Outcome(@NotNull BankOutcome outcome, @Nullable @Size(max = 1000) String reason) {
	}

	@PostMapping("/api/scoring/v1/directions/{id}/outcomes")
	@PreAuthorize("hasRole('bank-officer')")
	Directions.Direction record(@PathVariable UUID id, @Valid @RequestBody Outcome outcome, Authentication officer) {
		return directions.record(id, outcome.outcome(), outcome.reason(), officer.getName());
	}

	/**
	 * The bank's inbox across all lists, the nearest open deadline first.
	 *
	 * @param status repeated or comma-separated; none for all
	 * @param number the direction of this number only: the letter a person brings
	 */
	@GetMapping("/api/scoring/v1/directions")
	@PreAuthorize("hasAnyRole('akimat-officer', 'bank-officer')")
	Page<Directions.Entry> inbox(@RequestParam(required = false) @Nullable Set<Directions.Status> status,
			@RequestParam(required = false) @Nullable String number,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		Set<Directions.Status> statuses = status == null ? Set.of() : status;
		String exactly = number == null || number.isBlank() ? null : number.strip();
		return new Page<>(directions.inbox(statuses, exactly, page, size), page, size,
				directions.inboxSize(statuses, exactly));
	}

	@GetMapping("/api/scoring/v1/directions/{id}")
	@PreAuthorize("hasAnyRole('akimat-officer', 'bank-officer')")
	Directions.Card card(@PathVariable UUID id) {
		return directions.card(id).orElseThrow(Directions.NotFound::new);
	}

	/** The signed-in citizen's own directions (their applications' in the lists), with the letter's code. */
	@GetMapping("/api/scoring/v1/my/directions")
	@PreAuthorize("hasRole('citizen')")
	List<Directions.Own> mine(Authentication citizen) {
		return directions.ofApplicant(citizen.getName());
	}

	/**
	 * A step the direction cannot take from where it is — most often a stale screen: another officer (or the expiry
	 * job) changed it meanwhile. The problem names where it is now ({@code status}) and the step refused
	 * ({@code step}), in words too, so that a screen can say so and show the fresh card.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> wrongStep(Directions.WrongStep ex, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "direction-wrong-step", locale, ex.number,
				new DefaultMessageSourceResolvable("direction.status." + ex.status.name()),
				new DefaultMessageSourceResolvable("direction.step." + ex.step));
		problem.setProperty("status", ex.status.name());
		problem.setProperty("step", ex.step);
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(Directions.NotFound ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.of(HttpStatus.NOT_FOUND, "not-found", locale));
	}

	private String list(String programme, String edition) {
		if (!programmes.names().contains(programme)) {
			throw new Programmes.UnknownProgramme(programme);
		}
		return RankedLists.list(programme, edition);
	}
}
