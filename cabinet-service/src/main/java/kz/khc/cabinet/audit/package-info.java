/**
 * Audit trail: who changed what, when and why.
 */
@NullMarked
package kz.khc.cabinet.audit;

import org.jspecify.annotations.NullMarked;
