package kz.khc.elorda.documents;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the documents need to know of an application: whose it is, whether it is still a draft, and whose documents
 * it may hold. The applications feature answers it — it calls the documents at submission, so the documents never
 * call it back by name.
 */
public interface ApplicationLookup {

	/**
	 * @param lock whether to lock the application until the transaction ends, so that a submission and an upload or a
	 * removal of a document wait for each other: a submission checks the very documents it is submitted with
	 */
	Optional<Summary> find(UUID applicationId, boolean lock);

	/**
	 * @param applicantId the applicant's user id (the token's subject)
	 * @param people the IINs of the applicant and of the family in the form: whose documents the application holds
	 */
	record Summary(UUID id, String applicantId, boolean draft, Set<String> people) {

		public Summary {
			people = Set.copyOf(people);
		}
	}
}
