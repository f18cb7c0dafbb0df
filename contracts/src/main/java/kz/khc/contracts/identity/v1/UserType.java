package kz.khc.contracts.identity.v1;

/** The two kinds of users of the housing company's cabinet (DOMAIN I3). */
public enum UserType {
	CLIENT,
	/** «Дольщик». */
	CO_INVESTOR
}
