package kz.khc.scoring.rules;

import java.util.List;
import java.util.Map;

/**
 * The outcome of evaluating one programme edition's rules on {@link Facts}: every criterion that applies with what
 * it used and a sentence in the asked language, and the points with their breakdown by rule. Reproducible: the same
 * facts and {@code rulesVersion} give the same assessment.
 *
 * @param rulesVersion identifies the rules text the assessment was made with (a digest of the programme's file)
 */
public record Assessment(String programme, String edition, String rulesVersion, boolean eligible,
		List<Criterion> criteria, int points, List<Points> breakdown) {

	/** @param inputs the values the rule looked at and the limits it compared them with */
	public record Criterion(String code, boolean passed, String message, Map<String, Object> inputs) {
	}

	public record Points(String code, int points, String message, Map<String, Object> inputs) {
	}
}
