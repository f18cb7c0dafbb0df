/**
 * Consuming Kafka messages: each event processed once, failures parked on the dead-letter topic.
 */
@NullMarked
package kz.khc.cabinet.messaging;

import org.jspecify.annotations.NullMarked;
