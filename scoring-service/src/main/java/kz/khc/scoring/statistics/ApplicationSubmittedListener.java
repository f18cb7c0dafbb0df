package kz.khc.scoring.statistics;

import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.scoring.messaging.ProcessedEvents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

@Component
class ApplicationSubmittedListener {

	private static final Logger log = LoggerFactory.getLogger(ApplicationSubmittedListener.class);

	private final SubmittedApplications applications;
	private final ProcessedEvents processed;
	private final JsonMapper json;

	ApplicationSubmittedListener(SubmittedApplications applications, ProcessedEvents processed, JsonMapper json) {
		this.applications = applications;
		this.processed = processed;
		this.json = json;
	}

	@KafkaListener(topics = ApplicationSubmitted.TOPIC)
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		ApplicationSubmitted event = json.readValue(record.value(), ApplicationSubmitted.class);
		if (processed.firstTime(event.eventId(), record.topic())) {
			applications.add(event);
			log.info("Application {} counted in category {}", event.applicationNumber(), event.category());
		}
		else {
			log.info("Event {} already processed, skipped", event.eventId());
		}
	}
}
