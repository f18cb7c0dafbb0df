/**
 * The two flows that prove a person by a one-time code sent to their mobile, then let them set a password (DOMAIN
 * I1–I3): primary authorization (the five values checked against the company's records, captcha and consent) and
 * the forgotten password (account, IIN and the registered mobile). Each answers alike whatever did not match.
 */
@NullMarked
package kz.khc.identity.registration;

import org.jspecify.annotations.NullMarked;
