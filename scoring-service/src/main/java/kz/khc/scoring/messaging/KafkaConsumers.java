package kz.khc.scoring.messaging;

import java.util.stream.Stream;

import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import tools.jackson.core.JacksonException;

/**
 * A record a listener fails on is retried a few times, then parked on {@code <topic>.DLT} with the failure in its
 * headers, and the partition moves on. A record that cannot be parsed is not retried.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumers {

	static final String DEAD_LETTER_SUFFIX = ".DLT";

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, ConsumerProperties properties) {
		var recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
		var handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
		handler.addNotRetryableExceptions(JacksonException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics deadLetterTopics(ConsumerProperties properties) {
		return new KafkaAdmin.NewTopics(Stream.of(ApplicationSubmitted.TOPIC, ApplicationVerified.TOPIC,
				ApplicationRejected.TOPIC)
			.map(topic -> TopicBuilder.name(topic + DEAD_LETTER_SUFFIX)
				.partitions(properties.partitions())
				.replicas(properties.replicas())
				.build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * @param partitions partitions of each topic this service creates
	 * @param replicas replication factor of those topics
	 * @param retries attempts after the first before a record goes to the dead-letter topic
	 */
	@ConfigurationProperties("scoring.events")
	record ConsumerProperties(int partitions, short replicas, long retries, java.time.Duration retryInterval) {
	}
}
