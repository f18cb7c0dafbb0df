package kz.khc.cabinet.clients;

import kz.khc.cabinet.messaging.ProcessedEvents;
import kz.khc.cabinet.messaging.RejectedMessageException;
import kz.khc.contracts.identity.v1.EmailVerificationRequested;
import kz.khc.contracts.identity.v1.EmailVerified;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * DOMAIN I4: the profile shows the address the client last entered, unconfirmed until identity-service reports that
 * the client followed the link sent to it.
 */
@Component
class EmailListener {

	private final ProcessedEvents processed;
	private final JdbcClient jdbc;
	private final JsonMapper json;

	EmailListener(ProcessedEvents processed, JdbcClient jdbc, JsonMapper json) {
		this.processed = processed;
		this.jdbc = jdbc;
		this.json = json;
	}

	@KafkaListener(topics = EmailVerified.TOPIC)
	@Transactional
	void verified(ConsumerRecord<String, byte[]> record) {
		EmailVerified event = json.readValue(record.value(), EmailVerified.class);
		if (processed.firstTime(event.eventId(), record.topic())) {
			updated(jdbc.sql("update client set email = ?, email_verified = true where account_number = ?")
				.params(event.email(), event.accountNumber())
				.update());
		}
	}

	/** A new address resets the tick; the request for the address already confirmed (arriving late) changes nothing. */
	@KafkaListener(topics = EmailVerificationRequested.TOPIC)
	@Transactional
	void requested(ConsumerRecord<String, byte[]> record) {
		EmailVerificationRequested event = json.readValue(record.value(), EmailVerificationRequested.class);
		if (processed.firstTime(event.eventId(), record.topic())) {
			updated(jdbc.sql("""
					update client set email = :email,
					       email_verified = coalesce(email = :email and email_verified, false)
					where account_number = :account""")
				.param("email", event.email())
				.param("account", event.accountNumber())
				.update());
		}
	}

	private static void updated(int rows) {
		if (rows == 0) {
			throw new RejectedMessageException("no client with the event's account number");
		}
	}
}
