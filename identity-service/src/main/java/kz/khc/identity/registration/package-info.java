/**
 * Primary authorization (DOMAIN I1): the five values checked against the company's records, captcha and consent,
 * then a one-time code by SMS; one generic answer whatever did not match.
 */
@NullMarked
package kz.khc.identity.registration;

import org.jspecify.annotations.NullMarked;
