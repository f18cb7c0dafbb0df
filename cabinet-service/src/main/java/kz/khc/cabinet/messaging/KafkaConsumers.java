package kz.khc.cabinet.messaging;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import tools.jackson.core.JacksonException;

/**
 * A message a listener fails on is retried a few times, then parked on {@code <topic>.DLT} with the failure in its
 * headers, and the partition moves on. A message that cannot be read, or that a listener rejects, is not retried.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumers {

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka) {
		var recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + ".DLT", -1));
		var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(1000, 3));
		handler.addNotRetryableExceptions(JacksonException.class, RejectedMessageException.class);
		return handler;
	}
}
