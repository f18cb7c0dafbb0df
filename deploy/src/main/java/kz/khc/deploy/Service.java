package kz.khc.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * One of the Spring Boot services, started with {@code java -jar <module>/target/<module>-<version>.jar}.
 *
 * @param database the PostgreSQL database (and role) of a backend service; null for the gateway
 */
record Service(String name, String module, ToIntFunction<SuiteConfig.Ports> port, String database) {

	static final List<Service> ALL = List.of(
			new Service("gateway", "gateway", SuiteConfig.Ports::gateway, null),
			new Service("identity", "identity-service", SuiteConfig.Ports::identity, "identity"),
			new Service("cabinet", "cabinet-service", SuiteConfig.Ports::cabinet, "cabinet"),
			new Service("elorda-application", "elorda-application-service", SuiteConfig.Ports::elorda, "elorda"),
			new Service("scoring", "scoring-service", SuiteConfig.Ports::scoring, "scoring"),
			new Service("notification", "notification-service", SuiteConfig.Ports::notification, "notification"));

	/** JVM flags for a 2-core machine: quick start, small heap and stacks. */
	private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xss512k",
			"-Xms32m", "-Xmx256m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m");

	/**
	 * {@link #JVM_FLAGS}, and only the quick C1 compiler, except for the gateway and elorda-application-service: they
	 * check RSA signatures on the hot path (the token of every request; applicants' CMS signatures, certificate chains
	 * and OCSP answers), whose arithmetic is several times faster with C2's BigInteger intrinsics, and the gateway
	 * carries every request (C1-only, it spent as much CPU per proxied cabinet read as the cabinet itself).
	 */
	List<String> jvmFlags() {
		if (name.equals("gateway") || name.equals("elorda-application")) {
			return JVM_FLAGS;
		}
		return Stream.concat(Stream.of("-XX:TieredStopAtLevel=1"), JVM_FLAGS.stream()).toList();
	}

	int port(SuiteConfig config) {
		return port.applyAsInt(config.ports());
	}

	String healthUrl(SuiteConfig config) {
		return "http://127.0.0.1:" + port(config) + "/actuator/health";
	}

	Path jar(Path repoRoot) throws IOException {
		Path target = repoRoot.resolve(module).resolve("target");
		if (Files.isDirectory(target)) {
			try (Stream<Path> files = Files.list(target)) {
				var jar = files.filter(file -> {
							String fileName = file.getFileName().toString();
							return fileName.startsWith(module + "-") && fileName.endsWith(".jar")
									&& !fileName.endsWith("-plain.jar") && !fileName.endsWith("-sources.jar")
									&& !fileName.endsWith("-tests.jar");
						})
						.max(Comparator.comparing(file -> file.toFile().lastModified()));
				if (jar.isPresent()) {
					return jar.get();
				}
			}
		}
		throw new IllegalStateException("No jar of " + module + " in " + target + "; run ./mvnw -DskipTests package first");
	}
}
