/**
 * The audit trail of state changes that matter and of exports of personal data, and its reading by akimat staff.
 */
@NullMarked
package kz.khc.scoring.audit;

import org.jspecify.annotations.NullMarked;
