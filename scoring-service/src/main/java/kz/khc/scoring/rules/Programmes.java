package kz.khc.scoring.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The programmes the suite knows, and the assessment of facts under the edition in effect on their date. */
public interface Programmes {

	/** The programme names of the public contract: {@code elorda-zhastary}, {@code qoljetimdi-baspana-2020}. */
	Set<String> names();

	/**
	 * @throws UnknownProgramme for a name not in {@link #names()}
	 * @throws NoEdition when no edition of the programme is in effect on the submission date
	 */
	Assessment assess(String programme, Facts facts, Locale language);

	/**
	 * The programme's editions in its rules now in effect, newest first.
	 *
	 * @throws UnknownProgramme for a name not in {@link #names()}
	 */
	List<Edition> editions(String programme);

	/** The programme's rules now in effect: the text and the version every assessment made by it carries. */
	RulesText rules(String programme);

	/**
	 * Assesses by the given rules text, now or an earlier one kept with a decision, to reproduce that decision.
	 *
	 * @throws NoEdition when no edition of those rules is in effect on the submission date
	 */
	Assessment assess(RulesText rules, Facts facts, Locale language);

	/**
	 * An edition: submissions from {@code from} (inclusive) to {@code to} (exclusive; open when null) are assessed
	 * by its parameters and ranked in its lists.
	 *
	 * @param name short and stable, e.g. {@code 2023}: the lists' key with the programme
	 */
	record Edition(String name, LocalDate from, @Nullable LocalDate to) {

		public boolean inEffectOn(LocalDate date) {
			return !date.isBefore(from) && (to == null || date.isBefore(to));
		}
	}

	/** @param version a digest of {@code text}, as {@link Assessment#rulesVersion()} */
	record RulesText(String programme, String version, String text) {
	}

	final class UnknownProgramme extends RuntimeException {

		public UnknownProgramme(String programme) {
			super("no programme " + programme, null, false, false);
		}
	}

	final class NoEdition extends RuntimeException {

		public NoEdition(String programme, LocalDate date) {
			super("no edition of " + programme + " on " + date, null, false, false);
		}
	}
}
