/**
 * Notification service: SMS and email in the recipient's language, with a delivery log.
 */
@NullMarked
package kz.khc.notification;

import org.jspecify.annotations.NullMarked;
