package kz.khc.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Bounded polling and the health checks the launcher polls with. */
final class Probes {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
	private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private Probes() {
	}

	/** Polls {@code check} until it is true; fails when {@code timeout} passes or {@code process} dies first. */
	static void awaitHealthy(String what, Duration timeout, ChildProcess process, BooleanSupplier check) {
		Instant deadline = Instant.now().plus(timeout);
		while (!check.getAsBoolean()) {
			if (process != null && !process.isAlive()) {
				throw new ComponentFailedException(what, "exited before it became healthy", process.log());
			}
			if (Instant.now().isAfter(deadline)) {
				throw new ComponentFailedException(what, "not healthy after " + timeout.toSeconds() + " s",
						process == null ? null : process.log());
			}
			try {
				Thread.sleep(POLL_INTERVAL);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ComponentFailedException(what, "interrupted while waiting", null);
			}
		}
	}

	/** GET {@code url} answers 200 with a body containing {@code "status":"UP"}. */
	static boolean httpUp(String url) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static boolean tcpOpen(int port) {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	static String tail(Path log, int lines) {
		if (log == null || !Files.exists(log)) {
			return "(no log)";
		}
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		} catch (IOException | UncheckedIOException e) {
			return "(cannot read " + log + ": " + e.getMessage() + ")";
		}
	}

	/** A component did not come up; carries its log so the launcher can show the tail. */
	static final class ComponentFailedException extends RuntimeException {
		private final transient Path log;

		ComponentFailedException(String component, String reason, Path log) {
			super(component + " " + reason + (log == null ? "" : " (log: " + log + ")"));
			this.log = log;
		}

		ComponentFailedException(String component, Throwable cause) {
			super(component + " failed to start: " + cause, cause);
			this.log = null;
		}

		Path log() {
			return log;
		}
	}
}
