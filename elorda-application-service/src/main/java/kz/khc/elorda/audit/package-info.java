/**
 * Audit trail: who changed what, when and why.
 */
@NullMarked
package kz.khc.elorda.audit;

import org.jspecify.annotations.NullMarked;
