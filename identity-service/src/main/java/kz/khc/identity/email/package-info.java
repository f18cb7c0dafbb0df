/**
 * The client's email (DOMAIN I4): a signed-in client enters it, a signed single-use link valid 24 hours goes to it,
 * following the link confirms it at Keycloak and tells the cabinet ({@code EmailVerified}).
 */
@NullMarked
package kz.khc.identity.email;

import org.jspecify.annotations.NullMarked;
