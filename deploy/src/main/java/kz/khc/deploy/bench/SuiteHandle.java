package kz.khc.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kz.khc.deploy.LocalSuite;
import kz.khc.deploy.SuiteConfig;
import kz.khc.deploy.signing.DemoCa;

import org.jspecify.annotations.Nullable;

/**
 * The launcher's {@link LocalSuite} on default ports (or free ones, for the load tests), a data dir of its own and a
 * snapshot of the build.
 */
final class SuiteHandle implements AutoCloseable {

	/** A service's jar on its command line: {@code <module>-0.1.0-SNAPSHOT.jar}. */
	private static final Pattern SERVICE_JAR = Pattern.compile("([a-z-]+)-0\\.1\\.0-SNAPSHOT\\.jar");

	private final LocalSuite suite;

	private SuiteHandle(LocalSuite suite) {
		this.suite = suite;
	}

	/**
	 * Starts the suite from a snapshot of the build ({@link #snapshot}) so that a rebuild in the working tree during
	 * the run (another terminal, the IDE) cannot pull the jars out from under the running services.
	 */
	static SuiteHandle start(Path repo, Path dataDir) throws IOException {
		return start(repo, dataDir, Map.of());
	}

	/** As {@link #start(Path, Path)}, with environment variables added to the named services' (a changed setting). */
	static SuiteHandle start(Path repo, Path dataDir, Map<String, Map<String, String>> serviceEnvironment)
			throws IOException {
		return start(repo, dataDir, serviceEnvironment, false);
	}

	/** As {@link #start(Path, Path, Map)}, on ports the OS picks when {@code freePorts}: beside a running local suite. */
	static SuiteHandle start(Path repo, Path dataDir, Map<String, Map<String, String>> serviceEnvironment,
			boolean freePorts) throws IOException {
		System.setProperty("suite.repo.root", snapshot(repo, dataDir.resolve("build-snapshot")).toString());
		// the load comes from one address and a few people: the gateway's per-client limit would measure itself
		var environment = new HashMap<>(serviceEnvironment);
		environment.merge("gateway", Map.of("GATEWAY_RATELIMIT_ENABLED", "false"), (given, off) -> {
			var merged = new HashMap<>(given);
			merged.putAll(off);
			return merged;
		});
		SuiteConfig config = freePorts ? SuiteConfig.freePorts(dataDir) : SuiteConfig.defaults(dataDir);
		var handle = new SuiteHandle(new LocalSuite(config.withServiceEnvironment(environment)));
		Runtime.getRuntime().addShutdownHook(new Thread(handle::close, "bench-suite-shutdown"));
		handle.suite.startAll();
		return handle;
	}

	/**
	 * Copies what the launcher reads from the repository into {@code dir}: each service's jar, the Kafka broker's
	 * jars, the realm file and the SMS simulator's stubs; Keycloak's unpacked distribution (large, not rebuilt by
	 * {@code package}) is linked.
	 */
	static Path snapshot(Path repo, Path dir) throws IOException {
		for (String module : List.of("gateway", "identity-service", "cabinet-service", "elorda-application-service",
				"scoring-service", "notification-service")) {
			Path target = dir.resolve(module).resolve("target");
			replaceDir(target);
			Files.createDirectories(target);
			String jar = module + "-0.1.0-SNAPSHOT.jar";
			Files.copy(repo.resolve(module).resolve("target").resolve(jar), target.resolve(jar));
		}
		Path deployTarget = dir.resolve("deploy/target");
		Files.createDirectories(deployTarget);
		replaceDir(deployTarget.resolve("kafka"));
		Path kafkaLib = deployTarget.resolve("kafka/lib");
		Files.createDirectories(kafkaLib);
		try (Stream<Path> jars = Files.list(repo.resolve("deploy/target/kafka/lib"))) {
			for (Path jar : jars.toList()) {
				Files.copy(jar, kafkaLib.resolve(jar.getFileName()));
			}
		}
		Path keycloak = deployTarget.resolve("keycloak");
		Files.deleteIfExists(keycloak);
		Files.createSymbolicLink(keycloak, repo.resolve("deploy/target/keycloak").toAbsolutePath());
		Files.createDirectories(dir.resolve("deploy/keycloak"));
		Files.copy(repo.resolve("deploy/keycloak/realm-elorda.json"), dir.resolve("deploy/keycloak/realm-elorda.json"),
				StandardCopyOption.REPLACE_EXISTING);
		Path stubs = dir.resolve("deploy/sms-simulator/mappings");
		replaceDir(stubs);
		Files.createDirectories(stubs);
		try (Stream<Path> mappings = Files.list(repo.resolve("deploy/sms-simulator/mappings"))) {
			for (Path mapping : mappings.toList()) {
				Files.copy(mapping, stubs.resolve(mapping.getFileName()));
			}
		}
		Files.writeString(dir.resolve("deploy/pom.xml"), "<!-- build snapshot for the cabinet benchmark -->\n");
		return dir;
	}

	private static void replaceDir(Path dir) throws IOException {
		if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			try (Stream<Path> tree = Files.walk(dir)) {
				for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private SuiteConfig.Ports ports() {
		return suite.config().ports();
	}

	String gatewayUrl() {
		return "http://127.0.0.1:" + ports().gateway();
	}

	/** {@code localhost}, not 127.0.0.1: the tokens' issuer is {@code http://localhost:<port>/realms/elorda}. */
	String keycloakUrl() {
		return "http://localhost:" + ports().keycloak();
	}

	String notificationUrl() {
		return "http://127.0.0.1:" + ports().notification();
	}

	/** identity-service's own address, behind the gateway. */
	String identityUrl() {
		return "http://127.0.0.1:" + ports().identity();
	}

	/** cabinet-service's own address, behind the gateway. */
	String cabinetUrl() {
		return "http://127.0.0.1:" + ports().cabinet();
	}

	/** scoring-service's own address, behind the gateway. */
	String scoringUrl() {
		return "http://127.0.0.1:" + ports().scoring();
	}

	/** elorda-application-service's own address, behind the gateway (its actuator). */
	String elordaUrl() {
		return "http://127.0.0.1:" + ports().elorda();
	}

	int postgresPort() {
		return ports().postgres();
	}

	/** The demo CA (standing in for the NCA) whose OCSP responder the launcher runs: it signs for the citizens. */
	DemoCa demoCa() {
		return suite.demoCa();
	}

	String smsProviderUrl() {
		return "http://127.0.0.1:" + ports().sms();
	}

	String kafkaBootstrap() {
		return "127.0.0.1:" + ports().kafka();
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + ports().postgres() + "/" + database;
	}

	/**
	 * CPU time (user + system) each component has used so far, in ms: the processes this JVM started, named by what
	 * they run (a service's jar, Kafka, Keycloak, the load tests' Maven with its Gatling JVM: {@code load generator}),
	 * with their children, and PostgreSQL's postmaster with its backends. Only processes still running count.
	 */
	Map<String, Long> cpuMillis() {
		var cpu = new TreeMap<String, Long>();
		processes().forEach((component, processes) -> cpu.put(component, cpuMillis(processes.stream())));
		return cpu;
	}

	/**
	 * The running processes of each component, as {@link #cpuMillis} names them: those this JVM started with their
	 * children, and PostgreSQL's postmaster with its backends.
	 */
	Map<String, List<ProcessHandle>> processes() {
		var processes = new TreeMap<String, List<ProcessHandle>>();
		ProcessHandle.current().children().forEach(child -> {
			String component = component(child.info().commandLine().orElse(""));
			if (component != null) {
				processes.computeIfAbsent(component, c -> new ArrayList<>())
					.addAll(Stream.concat(Stream.of(child), child.descendants()).toList());
			}
		});
		Path pidFile = suite.config().dataDir().resolve("postgres/postmaster.pid");
		try (Stream<String> lines = Files.lines(pidFile)) {
			lines.findFirst().map(String::trim).map(Long::valueOf).flatMap(ProcessHandle::of).ifPresent(postmaster ->
					processes.put("postgres", Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList()));
		} catch (IOException | RuntimeException notRunning) {
			// no PostgreSQL
		}
		return processes;
	}

	private static @Nullable String component(String commandLine) {
		Matcher jar = SERVICE_JAR.matcher(commandLine);
		if (jar.find()) {
			return jar.group(1).replaceFirst("-service$", "");
		}
		if (commandLine.contains("gatling")) {
			return "load generator";
		}
		if (commandLine.contains("kafka.Kafka")) {
			return "kafka";
		}
		return commandLine.contains("keycloak") ? "keycloak" : null;
	}

	private static long cpuMillis(Stream<ProcessHandle> processes) {
		return processes.mapToLong(process -> process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L))
			.sum();
	}

	@Override
	public void close() {
		suite.close();
	}
}
