package kz.khc.elorda.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events this service has already processed from Kafka. A consumer calls {@link #firstTime} in the transaction
 * of its change, so the change and the record of the event commit or roll back together and a redelivered event is
 * skipped.
 */
@Component
public class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the event as processed; {@code false} if it already was. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstTime(UUID eventId, String topic) {
		return jdbc.sql("""
				insert into processed_event (event_id, topic, processed_at) values (?, ?, now())
				on conflict (event_id) do nothing""").params(eventId, topic).update() == 1;
	}
}
