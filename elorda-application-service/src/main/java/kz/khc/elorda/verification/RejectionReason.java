package kz.khc.elorda.verification;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Why an application was refused: the eligibility rule that failed (DOMAIN E1–E8), the documents, false
 * information, or another reason the comment explains. The code goes on the wire ({@code ApplicationRejected});
 * its name is in ru, kk and en ({@code kz.khc.elorda.verification.reason.<code>} in the problems bundles).
 */
public enum RejectionReason {

	/** Not a citizen of Kazakhstan. */
	E1,
	/** Older than 35 on the submission day. */
	E2,
	/** Not registered in Astana as the programme requires. */
	E3,
	/** Otbasy bank deposits below 10 % of the loan. */
	E4,
	/** Housing owned or rented to own in the last 5 years. */
	E5,
	/** No year of profile work at a state organisation of the sphere in Astana. */
	E6,
	/** Income per family member above the limit. */
	E7,
	/** The chosen sphere is not the sphere of work. */
	E8,
	/** The documents are incomplete or wrong (DOMAIN "Documents"). */
	DOCUMENTS,
	/** The application states something untrue. */
	FALSE_INFORMATION,
	/** Another reason, which the comment explains. */
	OTHER;

	/** Its name in the locale's language (Russian by default). */
	public String localizedName(MessageSource messages, Locale locale) {
		return messages.getMessage("kz.khc.elorda.verification.reason." + name(), null, name(), locale);
	}
}
