package kz.khc.elorda.messaging;

import java.time.Duration;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import tools.jackson.core.JacksonException;

/**
 * A record a listener fails on is retried a few times, then parked on {@code <topic>.DLT} with the failure in its
 * headers, and the partition moves on. A record that cannot be read, or lacks what it must carry, is parked at
 * once. Each parked record counts in {@code elorda_events_dead_lettered_total}, the metric to alert on. The topics
 * the features declare they consume ({@link ConsumedTopics}) are created with their dead-letter topics.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumers {

	private static final Logger log = LoggerFactory.getLogger(KafkaConsumers.class);

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, ConsumerProperties properties,
			MeterRegistry meters) {
		var recoverer = new DeadLetterPublishingRecoverer(kafka, (record, ex) -> {
			Counter.builder("elorda.events.dead.lettered")
				.description("Events this service could not process, parked on the dead-letter topic")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
			log.error("Event at {}-{}@{} parked on the dead-letter topic: {}", record.topic(), record.partition(),
					record.offset(), NestedExceptionUtils.getMostSpecificCause(ex).toString());
			return new TopicPartition(record.topic() + ConsumedTopics.DEAD_LETTER_SUFFIX, -1);
		});
		var handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
		handler.addNotRetryableExceptions(JacksonException.class, NullPointerException.class,
				IllegalArgumentException.class);
		return handler;
	}

	/** The consumed topics, if their producer has not made them yet, and their dead-letter topics. */
	@Bean
	KafkaAdmin.NewTopics consumedTopics(ObjectProvider<ConsumedTopics> consumed,
			IntegrationEvents.TopicProperties properties) {
		return new KafkaAdmin.NewTopics(consumed.orderedStream()
			.flatMap(topics -> topics.names().stream())
			.distinct()
			.flatMap(topic -> Stream.of(topic, topic + ConsumedTopics.DEAD_LETTER_SUFFIX))
			.map(topic -> TopicBuilder.name(topic)
				.partitions(properties.partitions())
				.replicas(properties.replicas())
				.build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * @param retries attempts after the first before a record goes to the dead-letter topic
	 * @param retryInterval the wait between two attempts
	 */
	@ConfigurationProperties("elorda.events")
	record ConsumerProperties(long retries, Duration retryInterval) {
	}
}
