/**
 * Login of citizens (DOMAIN I3): user type, account number, IIN and password checked at Keycloak by a confidential
 * client only this service holds, the lock after repeated failures, refreshing and ending the session.
 */
@NullMarked
package kz.khc.identity.login;

import org.jspecify.annotations.NullMarked;
