package kz.khc.elorda.applications;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.khc.elorda.documents.ApplicationLookup;

import org.springframework.stereotype.Component;

/** Tells the documents whose an application is, whether it is a draft, and whose documents it holds. */
@Component
class ApplicationsForDocuments implements ApplicationLookup {

	private final Applications applications;

	ApplicationsForDocuments(Applications applications) {
		this.applications = applications;
	}

	@Override
	public Optional<Summary> find(UUID applicationId, boolean lock) {
		return (lock ? applications.lockedById(applicationId) : applications.byId(applicationId))
			.map(application -> {
				Set<String> people = new HashSet<>();
				people.add(application.applicantIin());
				application.form().family().stream()
					.map(ApplicationForm.FamilyMember::iin)
					.filter(Objects::nonNull)
					.forEach(people::add);
				return new Summary(application.id(), application.applicantId(), application.draft(), people);
			});
	}
}
