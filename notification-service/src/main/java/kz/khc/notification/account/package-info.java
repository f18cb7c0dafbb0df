/**
 * Messages about a person's account, from the identity service's events.
 */
@NullMarked
package kz.khc.notification.account;

import org.jspecify.annotations.NullMarked;
