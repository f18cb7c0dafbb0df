package kz.khc.scoring.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import kz.khc.scoring.rules.Facts.Category;
import kz.khc.scoring.rules.Facts.Deposit;
import kz.khc.scoring.rules.Facts.Education;
import kz.khc.scoring.rules.Facts.Employment;
import kz.khc.scoring.rules.Facts.FamilyMember;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of rules a programme's file may name, each a function of the facts and its parameters. A criterion
 * gives a {@link Judgement}, a point rule a {@link Score}; both say which message explains them (a key of
 * {@code kz/khc/scoring/rules/messages}, with its arguments) and the inputs they used.
 */
final class Rules {

	private Rules() {
	}

	/**
	 * @param message the message key below the rule's name ({@code passed}, {@code failed}, …)
	 * @param reasons for a failure with several causes: message keys, each a sentence
	 */
	record Judgement(boolean passed, String message, List<Object> args, List<String> reasons,
			Map<String, Object> inputs) {
	}

	record Score(int points, String message, List<Object> args, Map<String, Object> inputs) {
	}

	interface Criterion {

		Judgement judge(Facts facts, Parameters parameters);
	}

	interface PointRule {

		Score score(Facts facts, Parameters parameters);
	}

	static final Map<String, Criterion> CRITERIA = Map.ofEntries(
			Map.entry("loan-within-limits", Rules::loanWithinLimits), Map.entry("citizenship", Rules::citizenship),
			Map.entry("age-at-most", Rules::ageAtMost), Map.entry("registration", Rules::registration),
			Map.entry("deposit-share", Rules::depositShare), Map.entry("no-housing", Rules::noHousing),
			Map.entry("employment", Rules::employment), Map.entry("income-per-member", Rules::incomePerMember),
			Map.entry("sphere-is-category", Rules::sphereIsCategory), Map.entry("orphan-queue", Rules::orphanQueue),
			Map.entry("depositor", Rules::depositor));

	static final Map<String, PointRule> POINTS = Map.of("experience", Rules::experience, "disabled-family-members",
			Rules::disabledFamilyMembers, "bands", Rules::bands);

	/** The numbers a {@code bands} rule may read. */
	private static final Map<String, Function<Facts, @Nullable BigDecimal>> INPUTS = Map.of("savingsMonths",
			facts -> facts.savings() == null ? null : BigDecimal.valueOf(facts.savings().months()),
			"savingsSharePercent", facts -> facts.savings() == null ? null : facts.savings().sharePercent(),
			"evaluationIndicator", facts -> facts.savings() == null ? null : facts.savings().evaluationIndicator());

	static boolean knows(String input) {
		return INPUTS.containsKey(input);
	}

	private static Judgement loanWithinLimits(Facts facts, Parameters parameters) {
		BigDecimal min = parameters.decimal("minLoan");
		BigDecimal max = parameters.decimal("maxLoan");
		BigDecimal loan = facts.requestedLoan();
		boolean passed = loan.compareTo(min) >= 0 && loan.compareTo(max) <= 0;
		return verdict(passed, List.of(loan, min, max), inputs("requestedLoan", loan, "minLoan", min, "maxLoan", max));
	}

	/** E1. */
	private static Judgement citizenship(Facts facts, Parameters parameters) {
		String citizenship = facts.applicant().citizenship();
		boolean passed = citizenship.equalsIgnoreCase(parameters.string("country"));
		return verdict(passed, List.of(citizenship), inputs("citizenship", citizenship));
	}

	/** E2: full years on the submission date; the 36th birthday itself is too late. */
	private static Judgement ageAtMost(Facts facts, Parameters parameters) {
		int age = Period.between(facts.applicant().birthDate(), facts.submissionDate()).getYears();
		int max = parameters.integer("maxAge");
		return verdict(age <= max, List.of(day(facts.submissionDate()), age, max),
				inputs("birthDate", facts.applicant().birthDate(), "age", age, "maxAge", max));
	}

	/** E3: the applicant's permanent registration in the city for the last years; every family member's there. */
	private static Judgement registration(Facts facts, Parameters parameters) {
		var registration = facts.applicant().registration();
		String city = parameters.string("city");
		int years = parameters.integer("registrationYears");
		List<String> reasons = new ArrayList<>();
		if (!registration.city().equalsIgnoreCase(city)) {
			reasons.add("not-in-city");
		}
		if (!registration.permanent()) {
			reasons.add("not-permanent");
		}
		if (registration.since().isAfter(facts.submissionDate().minusYears(years))) {
			reasons.add("too-short");
		}
		long familyElsewhere = facts.family()
			.stream()
			.filter(member -> !member.registeredIn().equalsIgnoreCase(city) || !member.permanentRegistration())
			.count();
		if (familyElsewhere > 0) {
			reasons.add("family-elsewhere");
		}
		return new Judgement(reasons.isEmpty(), reasons.isEmpty() ? "passed" : "failed",
				List.of(day(registration.since()), years, familyElsewhere), reasons,
				inputs("city", registration.city(), "permanent", registration.permanent(), "since",
						registration.since(), "requiredYears", years, "familyMembersRegisteredElsewhere",
						familyElsewhere));
	}

	/** E4: Otbasy deposits of the applicant, the spouse and the children together. */
	private static Judgement depositShare(Facts facts, Parameters parameters) {
		BigDecimal saved = facts.deposits()
			.stream()
			.filter(deposit -> deposit.bank().equalsIgnoreCase(Deposit.OTBASY))
			.map(Deposit::balance)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal share = parameters.decimal("depositShare");
		BigDecimal needed = facts.requestedLoan().multiply(share).setScale(2, RoundingMode.CEILING);
		return verdict(saved.compareTo(needed) >= 0,
				List.of(saved, needed, share.movePointRight(2).stripTrailingZeros().toPlainString()),
				inputs("otbasyDeposits", saved, "needed", needed));
	}

	/** E5: no owned or rent-to-own housing in the last years, except an adobe or reed house in an emergency state. */
	private static Judgement noHousing(Facts facts, Parameters parameters) {
		var property = facts.property();
		int years = parameters.integer("propertyYears");
		boolean exception = property.ownedInLast5Years() && property.onlyEmergencyAdobeOrReed()
				&& !property.rentToOwnInLast5Years();
		boolean passed = !property.rentToOwnInLast5Years()
				&& (!property.ownedInLast5Years() || property.onlyEmergencyAdobeOrReed());
		return new Judgement(passed, passed ? (exception ? "passed-emergency" : "passed") : "failed", List.of(years),
				List.of(), inputs("owned", property.ownedInLast5Years(), "rentToOwn",
						property.rentToOwnInLast5Years(), "onlyEmergencyAdobeOrReed",
						property.onlyEmergencyAdobeOrReed()));
	}

	/**
	 * E6: at least the years of official employment in the sphere in the city, at a state organization, as profile
	 * staff, not on maternity leave; for some spheres the matching higher or vocational education.
	 */
	private static Judgement employment(Facts facts, Parameters parameters) {
		Employment employment = facts.applicant().employment();
		int years = parameters.integer("employmentYears");
		if (employment == null) {
			return new Judgement(false, "failed", List.of(years), List.of("none"), inputs("employment", "none"));
		}
		List<String> reasons = new ArrayList<>();
		if (!employment.city().equalsIgnoreCase(parameters.string("city"))) {
			reasons.add("not-in-city");
		}
		if (!employment.stateOrganization()) {
			reasons.add("not-state");
		}
		if (!employment.profileStaff()) {
			reasons.add("not-profile");
		}
		if (employment.onMaternityLeave()) {
			reasons.add("maternity-leave");
		}
		if (employment.since().isAfter(facts.submissionDate().minusYears(years))) {
			reasons.add("too-short");
		}
		boolean educationRequired = parameters.list("educationRequiredFor").contains(facts.category().name());
		Education education = facts.applicant().education();
		if (educationRequired && (education == null || education.level() == Education.Level.SECONDARY
				|| !education.matchesSphere())) {
			reasons.add("education");
		}
		return new Judgement(reasons.isEmpty(), reasons.isEmpty() ? "passed" : "failed",
				List.of(day(employment.since()), years), reasons,
				inputs("since", employment.since(), "requiredYears", years, "city", employment.city(),
						"stateOrganization", employment.stateOrganization(), "profileStaff",
						employment.profileStaff(), "onMaternityLeave", employment.onMaternityLeave(),
						"educationRequired", educationRequired));
	}

	/**
	 * E7: the household's average monthly net income per member at most the multiplier × the edition's subsistence
	 * minimum; compared as sums, so that no rounding moves the boundary.
	 */
	private static Judgement incomePerMember(Facts facts, Parameters parameters) {
		int members = 1 + facts.family().size();
		int months = facts.householdNetIncome().size();
		BigDecimal total = facts.householdNetIncome().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal minimum = parameters.decimal("subsistenceMinimum");
		BigDecimal perMemberLimit = minimum.multiply(parameters.decimal("incomeMultiplier"));
		BigDecimal householdLimit = perMemberLimit.multiply(BigDecimal.valueOf(members));
		boolean passed = months > 0
				&& total.compareTo(householdLimit.multiply(BigDecimal.valueOf(months))) <= 0;
		BigDecimal average = months == 0 ? BigDecimal.ZERO
				: total.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
		BigDecimal perMember = average.divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
		return verdict(passed, List.of(months, average, members, perMember, perMemberLimit, minimum),
				inputs("months", months, "averageIncome", average, "familyMembers", members, "incomePerMember",
						perMember, "limitPerMember", perMemberLimit, "subsistenceMinimum", minimum));
	}

	/** E8. */
	private static Judgement sphereIsCategory(Facts facts, Parameters parameters) {
		Employment employment = facts.applicant().employment();
		Category sphere = employment == null ? null : employment.sphere();
		return verdict(sphere == facts.category(), List.of(sphere == null ? "—" : sphere, facts.category()),
				inputs("sphere", sphere == null ? "none" : sphere, "category", facts.category()));
	}

	/** Orphans category: in the city's queue for municipal housing as an orphan; another city's does not count. */
	private static Judgement orphanQueue(Facts facts, Parameters parameters) {
		String queue = facts.applicant().orphanQueueCity();
		return verdict(queue != null && queue.equalsIgnoreCase(parameters.string("city")),
				List.of(queue == null ? "—" : queue), inputs("orphanQueueCity", queue == null ? "none" : queue));
	}

	/** Seed 004: only Otbasy bank's depositors apply. */
	private static Judgement depositor(Facts facts, Parameters parameters) {
		int months = facts.savings() == null ? 0 : facts.savings().months();
		return verdict(months > 0, List.of(months), inputs("savingsMonths", months));
	}

	/**
	 * S1, S3: points per full year of experience since the employment began, and for an incomplete year (a
	 * remainder of at least a day).
	 */
	private static Score experience(Facts facts, Parameters parameters) {
		Employment employment = facts.applicant().employment();
		if (employment == null || employment.since().isAfter(facts.submissionDate())) {
			return new Score(0, "none", List.of(), inputs("employment", "none"));
		}
		Period period = Period.between(employment.since(), facts.submissionDate());
		int fullYears = period.getYears();
		boolean incomplete = period.getMonths() > 0 || period.getDays() > 0;
		int perFullYear = parameters.integer("perFullYear");
		int perIncompleteYear = parameters.integer("perIncompleteYear");
		int points = fullYears * perFullYear + (incomplete ? perIncompleteYear : 0);
		return new Score(points, incomplete ? "incomplete" : "whole",
				List.of(day(employment.since()), fullYears, perFullYear, perIncompleteYear, points),
				inputs("since", employment.since(), "fullYears", fullYears, "incompleteYear", incomplete));
	}

	/** S2: points for each disabled member of the family: the applicant, the spouse, a child. */
	private static Score disabledFamilyMembers(Facts facts, Parameters parameters) {
		long disabled = (facts.applicant().disabilityGroup() == null ? 0 : 1)
				+ facts.family().stream().map(FamilyMember::disabilityGroup).filter(group -> group != null).count();
		int perMember = parameters.integer("perMember");
		int points = (int) disabled * perMember;
		return new Score(points, "points", List.of(disabled, perMember, points), inputs("disabledMembers", disabled));
	}

	/**
	 * Seed 004: the points of the highest band the input reaches; bands are listed from the lowest, each with
	 * {@code atLeast} (inclusive) or {@code over} (exclusive) and its points.
	 */
	private static Score bands(Facts facts, Parameters parameters) {
		String input = parameters.string("input");
		BigDecimal value = INPUTS.get(input).apply(facts);
		if (value == null) {
			return new Score(0, "none." + input, List.of(), inputs(input, "none"));
		}
		int points = 0;
		for (Object band : parameters.list("bands")) {
			Map<?, ?> bounds = (Map<?, ?>) band;
			boolean reached = bounds.containsKey("atLeast")
					? value.compareTo(new BigDecimal(String.valueOf(bounds.get("atLeast")))) >= 0
					: value.compareTo(new BigDecimal(String.valueOf(bounds.get("over")))) > 0;
			if (reached) {
				points = Integer.parseInt(String.valueOf(bounds.get("points")));
			}
		}
		return new Score(points, "points." + input, List.of(value, points), inputs(input, value));
	}

	private static Judgement verdict(boolean passed, List<Object> args, Map<String, Object> inputs) {
		return new Judgement(passed, passed ? "passed" : "failed", args, List.of(), inputs);
	}

	/** A date as people in Kazakhstan write it. */
	private static String day(LocalDate date) {
		return "%02d.%02d.%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** Name–value pairs in the order given. */
	private static Map<String, Object> inputs(Object... pairs) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			inputs.put((String) pairs[i], pairs[i + 1]);
		}
		return inputs;
	}
}
