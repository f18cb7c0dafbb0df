/**
 * Integration events over Kafka: publishing from the event publication registry (same transaction as the state
 * change); consuming each event once ({@link kz.khc.elorda.messaging.ProcessedEvents}), failures to the dead-letter
 * topic.
 */
@NullMarked
package kz.khc.elorda.messaging;

import org.jspecify.annotations.NullMarked;
