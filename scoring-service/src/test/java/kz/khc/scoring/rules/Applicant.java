package kz.khc.scoring.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import kz.khc.scoring.rules.Facts.Category;
import kz.khc.scoring.rules.Facts.Deposit;
import kz.khc.scoring.rules.Facts.Education;
import kz.khc.scoring.rules.Facts.Employment;
import kz.khc.scoring.rules.Facts.FamilyMember;

import org.jspecify.annotations.Nullable;

/**
 * Test facts, eligible for Elorda Zhastary 2023 unless changed: a nurse of 32 at a state hospital in Astana since
 * exactly four years before the submission on 1 March 2023, married with one child, all permanently registered in
 * Astana, 500,000 tenge a month for the three of them, 1,000,000 + 800,000 in Otbasy bank for an 18,000,000 loan.
 */
final class Applicant {

	LocalDate submitted = LocalDate.of(2023, 3, 1);
	Category category = Category.HEALTHCARE;
	BigDecimal loan = new BigDecimal("18000000");
	LocalDate born = LocalDate.of(1990, 3, 2);
	String citizenship = "KZ";
	String city = "ASTANA";
	boolean permanent = true;
	LocalDate registeredSince = LocalDate.of(2020, 1, 1);
	@Nullable Employment employment = new Employment(Category.HEALTHCARE, "ASTANA", true, true, LocalDate.of(2019, 3, 1),
			false);
	@Nullable Education education = new Education(Education.Level.HIGHER, true);
	@Nullable Integer disability;
	@Nullable String orphanQueue;
	List<FamilyMember> family = new ArrayList<>(List.of(
			new FamilyMember(FamilyMember.Relation.SPOUSE, LocalDate.of(1989, 5, 5), "ASTANA", true, null),
			new FamilyMember(FamilyMember.Relation.CHILD, LocalDate.of(2018, 7, 1), "ASTANA", true, null)));
	List<BigDecimal> income = new ArrayList<>(Collections.nCopies(6, new BigDecimal("500000")));
	List<Deposit> deposits = new ArrayList<>(List.of(
			new Deposit(Deposit.Holder.APPLICANT, "OTBASY", new BigDecimal("1000000")),
			new Deposit(Deposit.Holder.SPOUSE, "OTBASY", new BigDecimal("800000"))));
	Facts.Property property = new Facts.Property(false, false, false);
	Facts.@Nullable Savings savings;

	Facts facts() {
		return new Facts(submitted, category, loan,
				new Facts.Person("900302300011", born, citizenship, new Facts.Registration(city, permanent,
						registeredSince), employment, education, disability, orphanQueue),
				List.copyOf(family), List.copyOf(income), List.copyOf(deposits), property, savings);
	}

	Applicant employedSince(LocalDate since) {
		employment = new Employment(employment.sphere(), employment.city(), employment.stateOrganization(),
				employment.profileStaff(), since, employment.onMaternityLeave());
		return this;
	}

	Applicant employment(Category sphere, String city, boolean state, boolean profile, boolean maternity) {
		employment = new Employment(sphere, city, state, profile, employment.since(), maternity);
		return this;
	}

	/** Alone, or with {@code size − 1} children, each month earning the same. */
	Applicant household(int size, BigDecimal monthly) {
		family.clear();
		for (int i = 1; i < size; i++) {
			family.add(new FamilyMember(FamilyMember.Relation.CHILD, LocalDate.of(2015, 1, i), "ASTANA", true, null));
		}
		income = new ArrayList<>(Collections.nCopies(6, monthly));
		return this;
	}
}
