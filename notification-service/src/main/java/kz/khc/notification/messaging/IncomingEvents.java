package kz.khc.notification.messaging;

import java.util.UUID;
import java.util.function.Consumer;

import kz.khc.contracts.IntegrationEvent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an event off its Kafka record and hands it on once. The event id goes to {@code processed_event} in the
 * listener's transaction, so the handler's change and the record of the event commit or roll back together and a
 * redelivered event is skipped.
 */
@Component
public class IncomingEvents {

	private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

	private final JdbcClient jdbc;
	private final JsonMapper json;

	IncomingEvents(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public <T extends IntegrationEvent> void once(ConsumerRecord<String, byte[]> record, Class<T> type,
			Consumer<T> handler) {
		T event = json.readValue(record.value(), type);
		if (firstTime(event.eventId(), record.topic())) {
			handler.accept(event);
		}
		else {
			log.info("Event {} already processed, skipped", event.eventId());
		}
	}

	private boolean firstTime(UUID eventId, String topic) {
		return jdbc.sql("""
				insert into processed_event (event_id, topic, processed_at) values (?, ?, now())
				on conflict (event_id) do nothing""").params(eventId, topic).update() == 1;
	}
}
