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
 * in {@code portal-tests/target/suite-logs}. Use with {@code @ExtendWith(PortalSuite.class)} and {@link #suite()}.
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

	private record Started(LocalSuite suite, Path dataDir) implements AutoCloseable {

		static Started start() {
			try {
				RunLocal.quietClientLogging();
				Path dataDir = Files.createTempDirectory("portal-suite");
				return new Started(LocalSuite.start(SuiteConfig.freePorts(dataDir)), dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
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
