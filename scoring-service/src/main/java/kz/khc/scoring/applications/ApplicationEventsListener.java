package kz.khc.scoring.applications;

import java.util.Map;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.scoring.messaging.ProcessedEvents;
import kz.khc.scoring.statistics.SubmittedApplications;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The intake's events, each processed once in one transaction with its effects. One listener for the three topics:
 * listeners of one consumer group would share the partitions between them, not each see every record.
 */
@Component
class ApplicationEventsListener {

	static final Map<String, Class<? extends IntegrationEvent>> TOPICS = Map.of(ApplicationSubmitted.TOPIC,
			ApplicationSubmitted.class, ApplicationVerified.TOPIC, ApplicationVerified.class,
			ApplicationRejected.TOPIC, ApplicationRejected.class);

	private static final Logger log = LoggerFactory.getLogger(ApplicationEventsListener.class);

	private final Applications applications;
	private final SubmittedApplications counts;
	private final ProcessedEvents processed;
	private final JsonMapper json;

	ApplicationEventsListener(Applications applications, SubmittedApplications counts, ProcessedEvents processed,
			JsonMapper json) {
		this.applications = applications;
		this.counts = counts;
		this.processed = processed;
		this.json = json;
	}

	@KafkaListener(topics = { ApplicationSubmitted.TOPIC, ApplicationVerified.TOPIC, ApplicationRejected.TOPIC })
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		IntegrationEvent event = json.readValue(record.value(), TOPICS.get(record.topic()));
		if (!processed.firstTime(event.eventId(), record.topic())) {
			log.info("Event {} already processed, skipped", event.eventId());
			return;
		}
		switch (event) {
			case ApplicationSubmitted submitted -> {
				counts.add(submitted);
				applications.submitted(submitted);
			}
			case ApplicationVerified verified -> applications.verified(verified);
			case ApplicationRejected rejected -> applications.rejected(rejected);
			default -> throw new IllegalStateException("no handler for " + event.eventType());
		}
	}
}
