/**
 * The other services of the suite as this one calls them, with its own token (client credentials of
 * {@code identity-service}): the cabinet's records for primary authorization, the notification service for
 * one-time codes. Timeouts and a circuit breaker keep a slow or failing service from holding people's requests.
 */
@NullMarked
package kz.khc.identity.suite;

import org.jspecify.annotations.NullMarked;
