/**
 * Cabinet service: the client's profile, contracts, debts, schedules and FAQ.
 */
@NullMarked
package kz.khc.cabinet;

import org.jspecify.annotations.NullMarked;
