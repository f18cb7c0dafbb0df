/**
 * Consuming integration events: each processed once, failures to the dead-letter topic with an alert metric.
 */
@NullMarked
package kz.khc.notification.messaging;

import org.jspecify.annotations.NullMarked;
