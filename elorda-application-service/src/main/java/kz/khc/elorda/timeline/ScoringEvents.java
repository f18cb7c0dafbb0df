package kz.khc.elorda.timeline;

import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.scoring.v1.ApplicationAssessed;
import kz.khc.contracts.scoring.v1.BankOutcomeRecorded;
import kz.khc.contracts.scoring.v1.DirectionAnnulled;
import kz.khc.contracts.scoring.v1.DirectionExpired;
import kz.khc.contracts.scoring.v1.DirectionIssued;
import kz.khc.elorda.messaging.ConsumedTopics;
import kz.khc.elorda.messaging.ProcessedEvents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring service's steps, from its events on Kafka: each event once (by its id, in the transaction of the
 * step), in one listener for the five topics — listeners of one consumer group would share the partitions between
 * them, not each see every record. Every event carries its application's id.
 *
 * <p>An event about an application this service has no timeline for (it never took it: another environment's, or
 * test data sent straight to Kafka) is not an error to retry or park: it is recorded as processed, logged, counted in
 * {@code elorda_timeline_events_ignored_total} and otherwise ignored. A record that cannot be read goes to the
 * dead-letter topic (see the messaging feature).
 */
@Component
class ScoringEvents {

	static final Map<String, Class<? extends IntegrationEvent>> TOPICS = Map.of(ApplicationAssessed.TOPIC,
			ApplicationAssessed.class, DirectionIssued.TOPIC, DirectionIssued.class, DirectionExpired.TOPIC,
			DirectionExpired.class, DirectionAnnulled.TOPIC, DirectionAnnulled.class, BankOutcomeRecorded.TOPIC,
			BankOutcomeRecorded.class);

	private static final Logger log = LoggerFactory.getLogger(ScoringEvents.class);

	private final Steps steps;
	private final ProcessedEvents processed;
	private final JsonMapper json;
	private final MeterRegistry meters;

	ScoringEvents(Steps steps, ProcessedEvents processed, JsonMapper json, MeterRegistry meters) {
		this.steps = steps;
		this.processed = processed;
		this.json = json;
		this.meters = meters;
	}

	@KafkaListener(topics = { ApplicationAssessed.TOPIC, DirectionIssued.TOPIC, DirectionExpired.TOPIC,
			DirectionAnnulled.TOPIC, BankOutcomeRecorded.TOPIC })
	@Transactional
	void on(ConsumerRecord<String, byte[]> record) {
		Class<? extends IntegrationEvent> type = TOPICS.get(record.topic());
		if (type == null) {
			throw new IllegalArgumentException("not a scoring topic: " + record.topic());
		}
		IntegrationEvent event = json.readValue(record.value(), type);
		Objects.requireNonNull(event.eventId(), "eventId"); // unreadable: parked at once
		Step step = step(event);
		if (!processed.firstTime(event.eventId(), record.topic())) {
			log.info("Event {} already processed, skipped", event.eventId());
			return;
		}
		if (steps.timeline(step.applicationId()).isEmpty()) {
			log.warn("Event {} ({}) is about application {}, which has no timeline here: ignored", event.eventId(),
					event.eventType(), step.applicationId());
			Counter.builder("elorda.timeline.events.ignored")
				.description("Scoring events about applications this service does not know, ignored")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
			return;
		}
		steps.add(step, event.eventId());
	}

	static Step step(IntegrationEvent event) {
		return switch (event) {
			case ApplicationAssessed assessed -> new Step(assessed.applicationId(), Step.Kind.ASSESSED,
					assessed.occurredAt(),
					new Step.Details.Assessed(assessed.applicationNumber(), assessed.eligible(), assessed.points(),
							assessed.criteria().stream().filter(criterion -> !criterion.passed())
								.map(ApplicationAssessed.Criterion::code).toList(),
							assessed.breakdown().stream()
								.map(points -> new Step.Details.Assessed.Points(points.code(), points.points()))
								.toList(),
							assessed.rulesVersion(), assessed.edition(), assessed.asOf()));
			case DirectionIssued issued -> new Step(issued.applicationId(), Step.Kind.DIRECTION_ISSUED,
					issued.occurredAt(), new Step.Details.DirectionIssued(issued.directionId(),
							issued.directionNumber(), issued.position(), issued.points(), issued.issuedOn(),
							issued.bankVisitDeadline()));
			case DirectionExpired expired -> new Step(expired.applicationId(), Step.Kind.DIRECTION_EXPIRED,
					expired.occurredAt(), new Step.Details.DirectionExpired(expired.directionId(),
							expired.directionNumber(), expired.deadline(), expired.expiredOn()));
			case DirectionAnnulled annulled -> new Step(annulled.applicationId(), Step.Kind.DIRECTION_ANNULLED,
					annulled.occurredAt(), new Step.Details.DirectionAnnulled(annulled.directionId(),
							annulled.directionNumber(), annulled.reason(), annulled.annulledOn()));
			case BankOutcomeRecorded outcome -> new Step(outcome.applicationId(), Step.Kind.BANK_OUTCOME,
					outcome.recordedAt(), new Step.Details.BankOutcomeRecorded(outcome.directionId(),
							outcome.directionNumber(), outcome.outcome(), outcome.housingDeadline()));
			default -> throw new IllegalArgumentException("no step for " + event.eventType());
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		ConsumedTopics scoringTopics() {
			return new ConsumedTopics(TOPICS.keySet().stream().sorted().toList());
		}
	}
}
