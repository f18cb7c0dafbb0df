package kz.khc.elorda.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.contracts.scoring.v1.BankOutcome;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * What a step says to the applicant, in Russian (the default), Kazakh or English: a title and a sentence with the
 * step's facts — the criteria an assessment found unmet by name, the direction's number and deadline. Dates are
 * written {@code dd.MM.yyyy} in every language, as on the programme's letters. The texts are in
 * {@code kz/khc/elorda/timeline/steps*.properties}.
 */
@Component
class StepTexts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final MessageSource messages;

	StepTexts() {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename("kz/khc/elorda/timeline/steps");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		bundle.setAlwaysUseMessageFormat(true);
		this.messages = bundle;
	}

	record Text(String title, String description) {
	}

	Text of(Step step, Locale locale) {
		return switch (step.details()) {
			case Step.Details.Submitted submitted -> text(locale, "submitted", "submitted",
					submitted.applicationNumber(), category(submitted.category(), locale));
			case Step.Details.Assessed assessed -> assessed.eligible()
					? text(locale, "assessed", "assessed.eligible", assessed.points())
					: text(locale, "assessed", "assessed.not-eligible", criteria(assessed.failed(), locale),
							assessed.points());
			case Step.Details.Verified verified -> text(locale, "verified", "verified", verified.applicationNumber(),
					category(verified.category(), locale), verified.points());
			case Step.Details.Rejected rejected -> text(locale, "rejected", "rejected",
					criterion(rejected.reasonCode(), locale), rejected.reason());
			case Step.Details.DirectionIssued issued -> text(locale, "direction-issued", "direction-issued",
					issued.directionNumber(), issued.position(), day(issued.bankVisitDeadline()));
			case Step.Details.DirectionExpired expired -> text(locale, "direction-expired", "direction-expired",
					expired.directionNumber(), day(expired.deadline()), day(expired.expiredOn()));
			case Step.Details.DirectionAnnulled annulled -> text(locale, "direction-annulled", "direction-annulled",
					annulled.directionNumber(), annulled.reason());
			case Step.Details.BankOutcomeRecorded bank -> {
				String key = "bank." + bank.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
				yield bank.housingDeadline() == null
						? text(locale, key, key + (bank.outcome() == BankOutcome.QUALIFICATION_PASSED ? ".no-deadline"
								: ""), bank.directionNumber())
						: text(locale, key, key, bank.directionNumber(), day(bank.housingDeadline()));
			}
		};
	}

	/** The name of a criterion ({@code E4}, {@code LOAN_AMOUNT}…) or rejection reason; the code if it has none. */
	String criterion(String code, Locale locale) {
		String name = messages.getMessage("criterion." + code, null, null, locale);
		return name == null ? code : name;
	}

	private String criteria(Collection<String> codes, Locale locale) {
		return codes.stream()
			.map(code -> criterion(code, locale))
			.collect(Collectors.joining("; "));
	}

	private String category(ProgrammeCategory category, Locale locale) {
		return messages.getMessage("category." + category.name(), null, category.name(), locale);
	}

	private Text text(Locale locale, String title, String description, @Nullable Object... args) {
		return new Text(messages.getMessage("step." + title + ".title", null, locale),
				messages.getMessage("step." + description + ".description", args, locale));
	}

	private static String day(LocalDate date) {
		return DAY.format(date);
	}
}
