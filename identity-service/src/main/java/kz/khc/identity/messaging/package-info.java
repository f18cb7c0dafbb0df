/**
 * Publishing integration events to Kafka from the event publication registry (same transaction as the state change).
 */
@NullMarked
package kz.khc.identity.messaging;

import org.jspecify.annotations.NullMarked;
