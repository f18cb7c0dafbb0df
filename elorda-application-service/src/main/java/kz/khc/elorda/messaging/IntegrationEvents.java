package kz.khc.elorda.messaging;

import java.time.Duration;
import java.util.Map;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@link IntegrationEvent} published inside a transaction is stored in the event publication registry with
 * the state change and sent to its topic after the commit, keyed by its aggregate id. Publications the broker did
 * not acknowledge (it was down, say) are sent again until it does; consumers skip the repeats by event id.
 */
@Configuration(proxyBeanMethods = false)
class IntegrationEvents {

	@Bean
	EventExternalizationConfiguration eventExternalization() {
		return EventExternalizationConfiguration.externalizing()
			.select(IntegrationEvent.class::isInstance)
			.routeAll(event -> RoutingTarget.forTarget(((IntegrationEvent) event).topic())
				.andKey(((IntegrationEvent) event).aggregateId()))
			.headers(event -> Map.<String, Object>copyOf(((IntegrationEvent) event).headers()))
			.build();
	}

	/**
	 * Publications are sent on the task executor after the commit; this carries the request's trace over, so that
	 * the Kafka record's {@code traceparent} continues the trace of the request that caused it.
	 */
	@Bean
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	@Bean
	KafkaAdmin.NewTopics topics(TopicProperties properties) {
		return new KafkaAdmin.NewTopics(topic(ApplicationSubmitted.TOPIC, properties),
				topic(ApplicationVerified.TOPIC, properties), topic(ApplicationRejected.TOPIC, properties));
	}

	private static NewTopic topic(String name, TopicProperties properties) {
		return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build();
	}

	@Bean
	Resubmitter resubmitter(IncompleteEventPublications publications, TopicProperties properties) {
		return new Resubmitter(publications, properties.resubmitAfter());
	}

	/**
	 * @param partitions partitions of each topic this service creates
	 * @param replicas replication factor of those topics
	 * @param resubmitAfter how long a publication may stay unacknowledged before it is sent again
	 */
	@ConfigurationProperties("elorda.events")
	record TopicProperties(int partitions, short replicas, Duration resubmitAfter) {
	}

	static class Resubmitter {

		private final IncompleteEventPublications publications;
		private final Duration resubmitAfter;

		Resubmitter(IncompleteEventPublications publications, Duration resubmitAfter) {
			this.publications = publications;
			this.resubmitAfter = resubmitAfter;
		}

		@Scheduled(fixedDelayString = "${elorda.events.resubmit-every}")
		void resubmit() {
			publications.resubmitIncompletePublicationsOlderThan(resubmitAfter);
		}
	}
}
