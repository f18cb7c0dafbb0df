/**
 * Scoring service: eligibility, points, ranked lists, directions to the bank.
 */
@NullMarked
package kz.khc.scoring;

import org.jspecify.annotations.NullMarked;
