/**
 * Version 1 of the events the scoring service publishes: directions to the bank and the bank's outcomes.
 */
@NullMarked
package kz.khc.contracts.scoring.v1;

import org.jspecify.annotations.NullMarked;
