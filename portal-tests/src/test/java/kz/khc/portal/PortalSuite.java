package kz.khc.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import kz.khc.deploy.LocalSuite;
import kz.khc.deploy.RunLocal;
import kz.khc.deploy.SuiteConfig;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole local suite (PostgreSQL, Kafka, Keycloak, the six services, the providers' simulators and the demo CA) on
 * free ports, started once for all the portal's browser tests in this JVM and closed after the last; its logs are kept
 * in {@code portal-tests/target/suite-logs}; with it one Chromium ({@link #browser()}). Use with
 * {@code @ExtendWith(PortalSuite.class)}.
 */
public final class PortalSuite implements BeforeAllCallback {

	private static volatile Started started;

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(PortalSuite.class, key -> started = Started.start(), Started.class);
	}

	/** The running suite. */
	public static LocalSuite suite() {
		return started.suite;
	}

	/** The browser, pointed at the suite's gateway: each test opens its own fresh profiles with it. */
	static Browser browser() {
		return started.browser;
	}

	private record Started(LocalSuite suite, Browser browser, Path dataDir) implements AutoCloseable {

		static Started start() {
			try {
				RunLocal.quietClientLogging();
				Path dataDir = Files.createTempDirectory("portal-suite");
				LocalSuite suite = LocalSuite.start(SuiteConfig.freePorts(dataDir));
				return new Started(suite, new Browser(suite.gatewayUrl()), dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			browser.close();
			suite.close();
			Path kept = Path.of("target", "suite-logs");
			Files.createDirectories(kept);
			try (Stream<Path> logs = Files.list(suite.config().dataDir().resolve("logs"))) {
				for (Path log : logs.toList()) {
					Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			try (Stream<Path> files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}
}
