/**
 * The Kazakhstan working-day calendar shared by the whole suite (DOMAIN.md, "Kazakhstan specifics"; rule I9):
 * {@link kz.khc.workingdays.WorkingDayCalendar#kazakhstan()} loads the bundled data
 * ({@code kz/khc/workingdays/kazakhstan.csv}) and answers whether a date is a working day, when the next one is,
 * and why a day is off.
 */
@NullMarked
package kz.khc.workingdays;

import org.jspecify.annotations.NullMarked;
