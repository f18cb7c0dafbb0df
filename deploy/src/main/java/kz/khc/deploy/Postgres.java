package kz.khc.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** PostgreSQL 17 from the zonky binaries, data kept in {@code <dataDir>/postgres}; one database and role per service. */
final class Postgres implements AutoCloseable {

	/** Local demo secrets: each service logs in as a role named like its database, with that name as password. */
	static final List<String> DATABASES = List.of("identity", "cabinet", "elorda", "scoring", "notification");

	private final EmbeddedPostgres postgres;
	private final Path dataDir;

	private Postgres(EmbeddedPostgres postgres, Path dataDir) {
		this.postgres = postgres;
		this.dataDir = dataDir;
	}

	static Postgres start(int port, Path dataDir, Path log) throws IOException, SQLException {
		Files.createDirectories(log.getParent());
		stopLeftover(dataDir);
		Redirect toLog = Redirect.appendTo(log.toFile());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", "200")
				.setPGStartupWait(Duration.ofSeconds(60))
				.setRegisterShutdownHook(false) // the suite stops PostgreSQL last, after the services
				.setOutputRedirector(toLog)
				.setErrorRedirector(toLog)
				.start();
		var started = new Postgres(postgres, dataDir);
		try {
			started.createDatabases();
		} catch (SQLException | RuntimeException e) {
			started.close();
			throw e;
		}
		return started;
	}

	/** A postmaster left running on this data dir by a killed launcher: fast shutdown (SIGINT) so that we can start. */
	private static void stopLeftover(Path dataDir) throws IOException {
		var leftover = postmasterPid(dataDir).flatMap(ProcessHandle::of)
				.filter(process -> process.info().commandLine().orElse("").contains(dataDir.toString()));
		if (leftover.isPresent()) {
			new ProcessBuilder("kill", "-INT", String.valueOf(leftover.get().pid())).inheritIO().start();
			leftover.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
		}
	}

	private void createDatabases() throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			for (String name : DATABASES) {
				if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
					execute(connection, "create role " + name + " login password '" + name + "'");
				}
				if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
					execute(connection, "create database " + name + " owner " + name);
				}
			}
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (var statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (var result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	private static void execute(Connection connection, String ddl) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute(ddl);
		}
	}

	/** The postmaster (started through pg_ctl, so not our child) and its backends. */
	Stream<ProcessHandle> tree() {
		return postmasterPid(dataDir)
				.flatMap(ProcessHandle::of)
				.map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
				.orElseGet(Stream::empty);
	}

	private static Optional<Long> postmasterPid(Path dataDir) {
		try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
			return lines.findFirst().map(String::trim).map(Long::valueOf);
		} catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
