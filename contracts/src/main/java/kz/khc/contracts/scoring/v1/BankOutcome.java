package kz.khc.contracts.scoring.v1;

/** What Otbasy bank's back office recorded for a direction (DOMAIN A2–A4). */
public enum BankOutcome {
	/** The applicant came to the bank with the direction. */
	VISITED,
	/** The solvency assessment passed; the 60 days to choose housing start (A4). */
	QUALIFICATION_PASSED,
	/** The solvency assessment failed; the direction goes to the next applicant (A3). */
	QUALIFICATION_FAILED,
	/** The applicant brought the documents of the chosen housing. */
	HOUSING_CHOSEN,
	/** The loan was issued. */
	LOAN_ISSUED
}
