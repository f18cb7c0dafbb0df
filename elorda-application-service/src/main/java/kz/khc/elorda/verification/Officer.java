package kz.khc.elorda.verification;

/**
 * The akimat officer who decided, shown to staff only, never to applicants.
 *
 * @param subject the token's subject (the user id at the identity provider)
 * @param username the token's {@code preferred_username}
 */
public record Officer(String subject, String username) {
}
