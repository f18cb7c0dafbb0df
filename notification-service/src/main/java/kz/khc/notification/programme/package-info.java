/**
 * Messages about the Elorda Zhastary programme: application status, directions to the bank, reminders.
 */
@NullMarked
package kz.khc.notification.programme;

import org.jspecify.annotations.NullMarked;
