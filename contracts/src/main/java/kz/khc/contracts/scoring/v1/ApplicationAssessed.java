package kz.khc.contracts.scoring.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.jspecify.annotations.Nullable;

/**
 * The scoring service assessed a submitted application by the rules of the programme edition in effect on its
 * submission date (DOMAIN E1–E8, S1–S3). The akimat verifies with it; the texts in ru, kk and en are at
 * {@code GET /api/scoring/v1/applications/{applicationId}/assessment}.
 *
 * @param edition the programme edition whose rules applied, e.g. {@code 2026}
 * @param asOf the submission date in Asia/Almaty, on which every criterion was judged
 * @param rulesVersion the version of the rules text the assessment was made with; the same facts and version give
 * the same assessment
 */
public record ApplicationAssessed(UUID eventId, Instant occurredAt, UUID applicationId, String applicationNumber,
		@Nullable String applicantId, String programme, String edition, ProgrammeCategory category, LocalDate asOf,
		boolean eligible, List<Criterion> criteria, int points, List<Points> breakdown, String rulesVersion)
		implements IntegrationEvent {

	public static final String TOPIC = "scoring.application-assessed.v1";

	/** @param code {@code E1}…{@code E8}, {@code LOAN_AMOUNT}, {@code ORPHAN_QUEUE} */
	public record Criterion(String code, boolean passed) {
	}

	/** @param code {@code S1}, {@code S2}, {@code S3} */
	public record Points(String code, int points) {
	}

	@Override
	public String aggregateId() {
		return applicationId.toString();
	}

	@Override
	public String topic() {
		return TOPIC;
	}
}
