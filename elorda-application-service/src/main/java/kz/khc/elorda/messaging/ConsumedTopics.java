package kz.khc.elorda.messaging;

import java.util.List;

/**
 * The topics a feature consumes, declared as a bean: each is created if its producer has not made it yet, and so is
 * its dead-letter topic ({@code <topic>.DLT}), where records the feature cannot process are parked.
 */
public record ConsumedTopics(List<String> names) {

	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	public ConsumedTopics {
		names = List.copyOf(names);
	}

	public static ConsumedTopics of(String... names) {
		return new ConsumedTopics(List.of(names));
	}
}
