package kz.khc.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event one service publishes for others. Each version of an event is its own record type in a
 * {@code ...events.v<N>} package; within a version only optional fields are ever added.
 *
 * <p>The Kafka record built from an event carries {@link #aggregateId()} as its key and the headers
 * {@code eventId}, {@code eventType}, {@code schemaVersion}, {@code occurredAt} and {@code traceparent}.
 */
public interface IntegrationEvent {

	/** Unique per event; consumers use it to skip repeats. */
	UUID eventId();

	Instant occurredAt();

	/** Id of the aggregate whose state change this event records; the Kafka key. */
	String aggregateId();

	/** The topic, {@code <context>.<event-kebab>.v<N>}. */
	String topic();

	default String eventType() {
		return getClass().getSimpleName();
	}

	/** The version in the name of the record's package: {@code 1} for one in {@code kz.khc.contracts.elorda.v1}. */
	default int schemaVersion() {
		String pkg = getClass().getPackageName();
		return Integer.parseInt(pkg.substring(pkg.lastIndexOf(".v") + 2));
	}

	/**
	 * The Kafka headers every producer puts on the event's record, UTF-8: {@code eventId}, {@code eventType},
	 * {@code schemaVersion}, {@code occurredAt} ({@code traceparent} is the tracing's to add).
	 */
	default Map<String, byte[]> headers() {
		return Map.of("eventId", utf8(eventId().toString()), "eventType", utf8(eventType()), "schemaVersion",
				utf8(Integer.toString(schemaVersion())), "occurredAt", utf8(occurredAt().toString()));
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}
}
