/**
 * The client's contracts, their debts and payment schedules with statuses (DOMAIN I6–I9).
 */
@NullMarked
package kz.khc.cabinet.contracts;

import org.jspecify.annotations.NullMarked;
