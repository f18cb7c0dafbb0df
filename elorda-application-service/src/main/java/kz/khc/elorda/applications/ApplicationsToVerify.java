package kz.khc.elorda.applications;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import kz.khc.elorda.verification.Outcome;
import kz.khc.elorda.verification.Submissions;

import org.springframework.stereotype.Component;

/** The submitted applications as verification sees and decides them; drafts are not there. */
@Component
class ApplicationsToVerify implements Submissions {

	private final Applications applications;

	ApplicationsToVerify(Applications applications) {
		this.applications = applications;
	}

	@Override
	public Optional<Submission> find(UUID applicationId) {
		return applications.byId(applicationId)
			.filter(application -> !application.draft())
			.map(application -> new Submission(application.id(), Objects.requireNonNull(application.number()),
					application.applicantId(), Objects.requireNonNull(application.category()),
					application.editionId()));
	}

	@Override
	public boolean decide(UUID applicationId, Outcome outcome, Instant decidedAt) {
		return applications.markDecided(applicationId, Application.Status.valueOf(outcome.name()), decidedAt);
	}
}
