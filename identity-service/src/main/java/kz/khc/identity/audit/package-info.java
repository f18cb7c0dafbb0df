/**
 * The audit trail of state changes that matter.
 */
@NullMarked
package kz.khc.identity.audit;

import org.jspecify.annotations.NullMarked;
