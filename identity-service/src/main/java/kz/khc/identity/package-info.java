/**
 * Identity service: primary authorization, passwords and login on top of Keycloak.
 */
@NullMarked
package kz.khc.identity;

import org.jspecify.annotations.NullMarked;
