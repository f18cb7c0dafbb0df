/**
 * Token validation at the edge: which paths are public, everything else needs a valid Keycloak token.
 */
@NullMarked
package kz.khc.gateway.security;

import org.jspecify.annotations.NullMarked;
