package kz.khc.scoring.applications;

import java.time.LocalDate;
import java.time.ZoneId;

import kz.khc.contracts.elorda.v1.ApplicationFacts;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.scoring.rules.Facts;
import kz.khc.scoring.rules.Facts.Category;

/** The engine's input from the intake's event: the same names, the intake's categories, cities as codes. */
final class SubmittedFacts {

	private SubmittedFacts() {
	}

	/** As of the submission date in {@code zone} (Asia/Almaty): the day every criterion is judged on. */
	static Facts of(ApplicationSubmitted event, ApplicationFacts given, ZoneId zone) {
		ApplicationFacts.Applicant applicant = given.applicant();
		ApplicationFacts.Employment work = applicant.employment();
		ApplicationFacts.Education school = applicant.education();
		return new Facts(LocalDate.ofInstant(event.submittedAt(), zone), Category.of(event.category()),
				given.requestedLoan(),
				new Facts.Person(applicant.iin(), applicant.birthDate(), Facts.code(applicant.citizenship()),
						new Facts.Registration(Facts.code(applicant.registration().city()),
								applicant.registration().permanent(), applicant.registration().since()),
						work == null ? null
								: new Facts.Employment(Category.of(work.sphere()), Facts.code(work.city()),
										work.stateOrganization(), work.profileStaff(), work.since(),
										work.onMaternityLeave()),
						school == null ? null
								: new Facts.Education(Facts.Education.Level.valueOf(school.level().name()),
										school.matchesSphere()),
						applicant.disabilityGroup(),
						applicant.orphanQueueCity() == null ? null : Facts.code(applicant.orphanQueueCity())),
				given.family()
					.stream()
					.map(member -> new Facts.FamilyMember(Facts.FamilyMember.Relation.valueOf(member.relation().name()),
							member.birthDate(), Facts.code(member.registeredIn()), member.permanentRegistration(),
							member.disabilityGroup()))
					.toList(),
				given.householdNetIncome(),
				given.deposits()
					.stream()
					.map(deposit -> new Facts.Deposit(Facts.Deposit.Holder.valueOf(deposit.holder().name()),
							Facts.code(deposit.bank()), deposit.balance()))
					.toList(),
				new Facts.Property(given.property().ownedInLast5Years(), given.property().rentToOwnInLast5Years(),
						given.property().onlyEmergencyAdobeOrReed()),
				null);
	}
}
