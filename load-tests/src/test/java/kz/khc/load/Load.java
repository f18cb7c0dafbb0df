package kz.khc.load;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What deploy/load.sh tells a simulation by system properties (Gatling's Maven plugin passes them on): where to send
 * (the gateway or a service directly), the data files it prepared, how long and how hard. Every simulation measures
 * one target per run; its requests are in the group {@value #MEASURED}, those of the warm-up before in
 * {@value #WARM_UP}, which the summary leaves out.
 */
final class Load {

	static final String WARM_UP = "warm-up";
	static final String MEASURED = "measured";

	private Load() {
	}

	/** The target's base URL, e.g. {@code http://127.0.0.1:41234}. */
	static String baseUrl() {
		return required("load.baseUrl");
	}

	/** A data file load.sh prepared (CSV with a header line). */
	static String file(String name) {
		return required("load.dir") + "/" + name;
	}

	static int integer(String name, int defaultValue) {
		return Integer.getInteger("load." + name, defaultValue);
	}

	static Duration seconds(String name, int defaultValue) {
		return Duration.ofSeconds(integer(name, defaultValue));
	}

	static HttpProtocolBuilder protocol() {
		return http.baseUrl(baseUrl())
			.acceptHeader("application/json")
			.acceptLanguageHeader("ru")
			.userAgentHeader("elorda-load-tests (Gatling)")
			.disableCaching();
	}

	/**
	 * A closed loop: each of the run's users repeats {@code visit} for the warm-up ({@code load.warmup}, 15 s), then
	 * for the measured time ({@code load.duration}, 45 s).
	 */
	static ChainBuilder closedLoop(ChainBuilder visit) {
		return exec(group(WARM_UP).on(during(seconds("warmup", 15)).on(visit)))
			.exec(group(MEASURED).on(during(seconds("duration", 45)).on(visit)));
	}

	/**
	 * Writes when the injection starts or ends ({@code start 1764136203123}, epoch ms) to {@code load.window}: load.sh
	 * takes the suite's CPU time over that window, without Maven's and Gatling's start and the report.
	 */
	static void mark(String event) {
		String file = System.getProperty("load.window");
		if (file == null) {
			return;
		}
		try {
			Files.writeString(Path.of(file), event + " " + System.currentTimeMillis() + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String required(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("-D" + name + " is not set: run the simulations with deploy/load.sh");
		}
		return value;
	}
}
