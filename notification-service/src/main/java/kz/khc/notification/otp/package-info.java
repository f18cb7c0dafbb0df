/**
 * One-time codes by SMS, sent synchronously for the identity service; the code itself is never stored.
 */
@NullMarked
package kz.khc.notification.otp;

import org.jspecify.annotations.NullMarked;
