/**
 * The audit trail of state changes that matter.
 */
@NullMarked
package kz.khc.scoring.audit;

import org.jspecify.annotations.NullMarked;
