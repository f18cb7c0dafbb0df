package kz.khc.cabinet.coredata;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Changes from the core system during the day, on {@code core.record-changed.v1}: each message is one record of the
 * file format (a client or a contract with its schedule), keyed by account number so that a client's records stay
 * in order. Applied exactly like a file line — the same record twice changes nothing — and a record the import
 * rejects is parked on {@code core.record-changed.v1.DLT} with the reason, not retried.
 */
@Configuration(proxyBeanMethods = false)
class CoreChanges {

	static final String TOPIC = "core.record-changed.v1";

	private final CoreDataImport imports;

	CoreChanges(CoreDataImport imports) {
		this.imports = imports;
	}

	@KafkaListener(topics = TOPIC)
	void on(ConsumerRecord<String, byte[]> record) {
		CoreDataImport.LineResult result = imports.applyLine(new String(record.value(), StandardCharsets.UTF_8));
		if (result.rejection() != null) {
			throw new RejectedRecordException(result.rejection());
		}
	}

	@Bean
	DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka) {
		var recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + ".DLT", -1));
		var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(1000, 3));
		handler.addNotRetryableExceptions(RejectedRecordException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics coreChangeTopics(TopicProperties properties) {
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(TOPIC).partitions(properties.partitions()).replicas(properties.replicas()).build(),
				TopicBuilder.name(TOPIC + ".DLT")
					.partitions(properties.partitions())
					.replicas(properties.replicas())
					.build());
	}

	/** Partitions and replication of the core-change topics, where this service creates them (local, tests). */
	@ConfigurationProperties("cabinet.core-changes")
	record TopicProperties(int partitions, short replicas) {
	}

	/** The import rejected the record: retrying cannot help. */
	static class RejectedRecordException extends RuntimeException {

		RejectedRecordException(String reason) {
			super(reason);
		}
	}
}
