/**
 * The public loan calculator (DOMAIN L1): what an Elorda Zhastary loan of a given amount costs a month in its two
 * periods, the interim loan and the housing loan. A pure function of the amount and the {@link LoanTerms}, so that
 * the terms can later come from the programme edition instead of the configuration.
 */
@NullMarked
package kz.khc.elorda.calculator;

import org.jspecify.annotations.NullMarked;
