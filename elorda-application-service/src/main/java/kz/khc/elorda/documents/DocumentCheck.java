package kz.khc.elorda.documents;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.elorda.editions.Edition;
import kz.khc.elorda.editions.Edition.DocumentRequirement;

import org.jspecify.annotations.Nullable;

/**
 * Whether an application's documents are the package its edition asks of this applicant (DOMAIN "Documents"): every
 * requirement whose category and condition apply, for each holder it names, has a document of that type and
 * holder, issued no later than the submission day and no earlier than the requirement allows. A pure function of
 * its inputs, so every rule is tested at its edges without a database.
 */
public final class DocumentCheck {

	private DocumentCheck() {
	}

	/**
	 * The people of an application as the requirements see them.
	 *
	 * @param spouse null without a spouse
	 * @param anyMonthWithoutIncome a month of the six had no household income (DOMAIN: a leave or sick-leave order)
	 */
	public record Family(Person applicant, @Nullable Person spouse, List<Person> others,
			@Nullable ProgrammeCategory category, boolean anyMonthWithoutIncome) {

		List<Person> everyone() {
			List<Person> all = new ArrayList<>();
			all.add(applicant);
			if (spouse != null) {
				all.add(spouse);
			}
			all.addAll(others);
			return all;
		}
	}

	/** @param works for a spouse: whether they work */
	public record Person(String iin, boolean disabled, boolean works) {
	}

	/** A document as uploaded: whose it is and when it was issued. */
	public record Uploaded(Edition.DocumentType type, String holderIin, LocalDate issuedOn) {
	}

	/** What is wrong with the package: a document missing, or issued outside its window. */
	public record Finding(Edition.DocumentType type, String holderIin, Problem problem) {

		public enum Problem {
			MISSING, TOO_OLD, NOT_THE_SUBMISSION_DAY, AFTER_SUBMISSION
		}
	}

	/** The documents this family must upload: each requirement that applies, once per holder, with its age limit. */
	public static Map<Needed, @Nullable Integer> needed(List<DocumentRequirement> requirements, Family family) {
		Map<Needed, @Nullable Integer> needed = new LinkedHashMap<>();
		for (DocumentRequirement requirement : requirements) {
			if (!requirement.categories().isEmpty() && !requirement.categories().contains(family.category())) {
				continue;
			}
			List<Person> holders = switch (requirement.holder()) {
				case APPLICANT -> List.of(family.applicant());
				case SPOUSE -> family.spouse() == null ? List.of() : List.of(family.spouse());
				case EACH_FAMILY_MEMBER -> family.everyone();
			};
			for (Person holder : holders) {
				boolean applies = switch (requirement.when()) {
					case ALWAYS -> true;
					case DISABILITY -> holder.disabled();
					case MONTH_WITHOUT_INCOME -> family.anyMonthWithoutIncome();
					case SPOUSE_WORKS -> family.spouse() != null && family.spouse().works();
				};
				Needed document = new Needed(requirement.type(), holder.iin());
				if (applies) {
					needed.put(document, needed.containsKey(document)
							? stricter(needed.get(document), requirement.maxAgeDays()) : requirement.maxAgeDays());
				}
			}
		}
		return needed;
	}

	/** A type of document from one holder. */
	public record Needed(Edition.DocumentType type, String holderIin) {
	}

	/**
	 * What is missing or out of date for a submission on {@code submissionDay} (Asia/Almaty). A requirement is met by
	 * any one document of its type and holder within its window; extra documents do no harm.
	 */
	public static List<Finding> check(List<DocumentRequirement> requirements, Family family, List<Uploaded> uploaded,
			LocalDate submissionDay) {
		List<Finding> findings = new ArrayList<>();
		needed(requirements, family).forEach((needed, maxAgeDays) -> {
			List<Uploaded> candidates = uploaded.stream()
				.filter(document -> document.type() == needed.type() && document.holderIin().equals(needed.holderIin()))
				.toList();
			if (candidates.isEmpty()) {
				findings.add(new Finding(needed.type(), needed.holderIin(), Finding.Problem.MISSING));
				return;
			}
			List<Finding.Problem> problems = candidates.stream()
				.map(document -> problem(document.issuedOn(), maxAgeDays, submissionDay))
				.toList();
			if (!problems.contains(null)) {
				findings.add(new Finding(needed.type(), needed.holderIin(), Objects.requireNonNull(problems.get(0))));
			}
		});
		return findings;
	}

	/** Null when a document issued that day is in its window. */
	private static Finding.@Nullable Problem problem(LocalDate issuedOn, @Nullable Integer maxAgeDays,
			LocalDate submissionDay) {
		if (issuedOn.isAfter(submissionDay)) {
			return Finding.Problem.AFTER_SUBMISSION;
		}
		if (maxAgeDays == null) {
			return null;
		}
		if (maxAgeDays == 0) {
			return issuedOn.equals(submissionDay) ? null : Finding.Problem.NOT_THE_SUBMISSION_DAY;
		}
		return ChronoUnit.DAYS.between(issuedOn, submissionDay) <= maxAgeDays ? null : Finding.Problem.TOO_OLD;
	}

	/** Two requirements of one document: the narrower window holds (none is the widest). */
	private static @Nullable Integer stricter(@Nullable Integer a, @Nullable Integer b) {
		return a == null ? b : b == null ? a : Math.min(a, b);
	}
}
