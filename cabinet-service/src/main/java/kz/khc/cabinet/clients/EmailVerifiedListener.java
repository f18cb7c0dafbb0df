package kz.khc.cabinet.clients;

import kz.khc.cabinet.messaging.ProcessedEvents;
import kz.khc.cabinet.messaging.RejectedMessageException;
import kz.khc.contracts.identity.v1.EmailVerified;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** The profile shows an email as verified once identity-service reports the client confirmed it (DOMAIN I4). */
@Component
class EmailVerifiedListener {

	private final ProcessedEvents processed;
	private final JdbcClient jdbc;
	private final JsonMapper json;

	EmailVerifiedListener(ProcessedEvents processed, JdbcClient jdbc, JsonMapper json) {
		this.processed = processed;
		this.jdbc = jdbc;
		this.json = json;
	}

	@KafkaListener(topics = EmailVerified.TOPIC)
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		EmailVerified event = json.readValue(record.value(), EmailVerified.class);
		if (!processed.firstTime(event.eventId(), record.topic())) {
			return;
		}
		int updated = jdbc.sql("update client set email = ?, email_verified = true where account_number = ?")
			.params(event.email(), event.accountNumber())
			.update();
		if (updated == 0) {
			throw new RejectedMessageException("no client with the event's account number");
		}
	}
}
