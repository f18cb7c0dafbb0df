/**
 * The public eligibility pre-check (issue 6, point 3): anyone may ask how a programme's rules judge an application
 * they describe, without logging in. Nothing of the request is stored or logged; requests are limited per client
 * address.
 */
@NullMarked
package kz.khc.scoring.assessments;

import org.jspecify.annotations.NullMarked;
