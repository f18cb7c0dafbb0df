package kz.khc.notification.messages;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How queued messages are sent.
 *
 * @param pollInterval how often the queue is looked at when nothing signals new messages
 * @param batchSize the most messages taken from the queue at once
 * @param concurrency the most messages being sent at the same time
 * @param lease how long a taken message is left to its sender before another may take it again
 * @param firstRetry the wait after the first failure; it doubles with each failure, with ±50% jitter
 * @param maxRetryInterval the longest wait between two attempts
 * @param giveUpAfter how long after its creation a message is still retried
 */
@ConfigurationProperties("notifications.delivery")
record DeliveryProperties(Duration pollInterval, int batchSize, int concurrency, Duration lease, Duration firstRetry,
		Duration maxRetryInterval, Duration giveUpAfter) {
}
