package kz.khc.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local suite keeps its data and which ports it uses.
 *
 * @param repoRoot       the reactor root: service jars are read from {@code <module>/target}, Kafka and Keycloak
 *                       from {@code deploy/target}
 * @param dataDir        PostgreSQL, Kafka and Keycloak data, the demo CA ({@code demo-ca/}) plus {@code logs/}; kept
 *                       across restarts
 * @param ports          every port the suite listens on
 * @param withServices   false starts only PostgreSQL, Kafka and Keycloak
 * @param startupTimeout how long each phase (infrastructure, services) may take to become healthy
 * @param serviceEnvironment extra environment variables per service name, over the launcher's own (empty but for a
 *                       benchmark that needs a setting changed, e.g. a limit)
 */
public record SuiteConfig(Path repoRoot, Path dataDir, Ports ports, boolean withServices, Duration startupTimeout,
		Map<String, Map<String, String>> serviceEnvironment) {

	/**
	 * @param sms     the SMS provider simulator (WireMock), which the notification service sends to
	 * @param smtp    the mail server (GreenMail), which the notification service sends to
	 * @param mailbox the developer mailbox page: what the simulator and the mail server received
	 * @param nca     the national CA's simulator: the demo CA's OCSP responder and CRL, and the demo signer
	 * @param ncaLayer the demo NCALayer: the signer's WebSocket, which the portal's pages use
	 */
	public record Ports(int postgres, int kafka, int kafkaController, int keycloak, int keycloakManagement,
				 int gateway, int identity, int cabinet, int elorda, int scoring, int notification,
				 int sms, int smtp, int mailbox, int nca, int ncaLayer) {

		static Ports defaults() {
			return new Ports(15432, 9092, 9093, 8180, 8190, 8080, 8081, 8082, 8083, 8084, 8085, 8086, 3025, 8025, 8087, 8088);
		}

		/** Free ports picked by the OS, so a test suite can run beside a running local suite. */
		static Ports free() {
			return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(),
					freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
					freePort(), freePort(), freePort(), freePort(), freePort());
		}

		private static int freePort() {
			try (var socket = new ServerSocket(0)) {
				socket.setReuseAddress(true);
				return socket.getLocalPort();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	public static SuiteConfig defaults(Path dataDir) {
		return new SuiteConfig(locateRepoRoot(), dataDir.toAbsolutePath(), Ports.defaults(), true,
				Duration.ofMinutes(4), Map.of());
	}

	public static SuiteConfig freePorts(Path dataDir) {
		return new SuiteConfig(locateRepoRoot(), dataDir.toAbsolutePath(), Ports.free(), true,
				Duration.ofMinutes(5), Map.of());
	}

	SuiteConfig withoutServices() {
		return new SuiteConfig(repoRoot, dataDir, ports, false, startupTimeout, serviceEnvironment);
	}

	/** The same suite with these environment variables added to each named service's. */
	public SuiteConfig withServiceEnvironment(Map<String, Map<String, String>> environment) {
		return new SuiteConfig(repoRoot, dataDir, ports, withServices, startupTimeout, Map.copyOf(environment));
	}

	Path logDir() {
		return dataDir.resolve("logs");
	}

	/** {@code -Dsuite.repo.root} if set, else the nearest directory upwards from the working directory holding deploy/pom.xml. */
	static Path locateRepoRoot() {
		String configured = System.getProperty("suite.repo.root");
		if (configured != null) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("deploy/pom.xml"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Cannot find the repository root (a directory with deploy/pom.xml) above "
				+ Path.of("").toAbsolutePath() + "; set -Dsuite.repo.root");
	}
}
