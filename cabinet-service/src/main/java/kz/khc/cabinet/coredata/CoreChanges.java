package kz.khc.cabinet.coredata;

import java.nio.charset.StandardCharsets;

import kz.khc.cabinet.messaging.RejectedMessageException;
import kz.khc.contracts.identity.v1.EmailVerificationRequested;
import kz.khc.contracts.identity.v1.EmailVerified;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

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
			throw new RejectedMessageException(result.rejection());
		}
	}

	@Bean
	KafkaAdmin.NewTopics coreChangeTopics(TopicProperties properties) {
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(TOPIC).partitions(properties.partitions()).replicas(properties.replicas()).build(),
				TopicBuilder.name(TOPIC + ".DLT")
					.partitions(properties.partitions())
					.replicas(properties.replicas())
					.build(),
				TopicBuilder.name(EmailVerified.TOPIC + ".DLT")
					.partitions(properties.partitions())
					.replicas(properties.replicas())
					.build(),
				TopicBuilder.name(EmailVerificationRequested.TOPIC + ".DLT")
					.partitions(properties.partitions())
					.replicas(properties.replicas())
					.build());
	}

	/** Partitions and replication of the topics this service creates (its dead-letter topics; the core topic locally). */
	@ConfigurationProperties("cabinet.core-changes")
	record TopicProperties(int partitions, short replicas) {
	}

}
