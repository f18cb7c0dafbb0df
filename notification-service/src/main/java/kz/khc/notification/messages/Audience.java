package kz.khc.notification.messages;

/** Which staff may read the delivery log of a message. */
public enum Audience {
	/** The Elorda Zhastary programme: akimat officers and the housing company's operators. */
	PROGRAMME,
	/** A person's cabinet account: the housing company's operators only. */
	ACCOUNT
}
