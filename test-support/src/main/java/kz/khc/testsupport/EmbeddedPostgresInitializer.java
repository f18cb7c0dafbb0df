package kz.khc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at a real PostgreSQL 17 started from embedded binaries, one server per
 * test JVM. Use with {@code @ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)}.
 * <p>
 * At the JVM's exit the server stops only after the contexts using it have closed, their pools too (at most
 * {@link #CLOSING}): a context still closing would otherwise wait its pool's connection timeout for a server already
 * gone (Spring Modulith's registry reads the database as it closes).
 */
public final class EmbeddedPostgresInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final Duration CLOSING = Duration.ofSeconds(20);

	/** The contexts using the server and not closed yet; guarded by itself. */
	private static final Set<ApplicationContext> OPEN = new HashSet<>();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		EmbeddedPostgres postgres = Server.INSTANCE;
		synchronized (OPEN) {
			OPEN.add(context);
		}
		// the first one registered is destroyed last: the context has closed its pool by then
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(
				Server.class.getName() + "@" + System.identityHashCode(context), () -> {
					synchronized (OPEN) {
						OPEN.remove(context);
						OPEN.notifyAll();
					}
				});
		TestPropertyValues
			.of("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"spring.datasource.username=postgres", "spring.datasource.password=")
			.applyTo(context);
	}

	private static final class Server {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				// our hook, not zonky's own, stops it: after the contexts have closed
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						awaitContextsClosed();
						postgres.close();
					}
					catch (IOException | InterruptedException ignored) {
						// the JVM is going away
					}
				}));
				return postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("embedded PostgreSQL did not start", ex);
			}
		}

		private static void awaitContextsClosed() throws InterruptedException {
			long deadline = System.nanoTime() + CLOSING.toNanos();
			synchronized (OPEN) {
				for (long left = CLOSING.toMillis(); !OPEN.isEmpty() && left > 0;
						left = (deadline - System.nanoTime()) / 1_000_000) {
					OPEN.wait(left);
				}
			}
		}
	}
}
