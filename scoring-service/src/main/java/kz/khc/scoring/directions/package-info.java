/**
 * Directions to Otbasy bank (DOMAIN A1–A4): the akimat's quota per list, issuing to the top of the list not yet
 * served, the deadlines (bank visit within 10 working days, housing within 60 days of the passed qualification), the
 * bank's outcomes, and the next person in the list whenever a place is freed by a failure, an expiry or an annulment.
 */
@NullMarked
package kz.khc.scoring.directions;

import org.jspecify.annotations.NullMarked;
