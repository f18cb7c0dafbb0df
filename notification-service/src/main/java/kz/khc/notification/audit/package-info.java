/**
 * The audit trail of state changes that matter.
 */
@NullMarked
package kz.khc.notification.audit;

import org.jspecify.annotations.NullMarked;
