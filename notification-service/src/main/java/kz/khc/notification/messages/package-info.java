/**
 * Notifications and their messages: templates in ru/kk/en, the durable queue per channel, the SMS and email providers behind circuit breakers, delivery receipts, the citizen's inbox and the staff's delivery log.
 */
@NullMarked
package kz.khc.notification.messages;

import org.jspecify.annotations.NullMarked;
