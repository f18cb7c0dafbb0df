package kz.khc.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Keycloak in dev mode from the distribution unpacked into {@code deploy/target/keycloak}; its H2 database lives in
 * {@code <dataDir>/keycloak}, so the realm is imported only on the first start of a data dir.
 */
final class Keycloak {

	static final String REALM = "elorda";
	/** The public client of the portal and Swagger UI. */
	static final String WEB_CLIENT = "elorda-web";
	/** Local demo admin of the master realm. */
	static final String ADMIN_USER = "admin";
	static final String ADMIN_PASSWORD = "admin";

	private Keycloak() {
	}

	static ChildProcess launch(SuiteConfig config) throws IOException {
		Path home = home(config.repoRoot());
		Path realm = config.repoRoot().resolve("deploy/keycloak/realm-" + REALM + ".json");
		Path imported = home.resolve("data/import").resolve(realm.getFileName());
		Files.createDirectories(imported.getParent());
		byte[] content = realmFor(realm, config.ports().gateway());
		if (!Files.exists(imported) || !Arrays.equals(Files.readAllBytes(imported), content)) {
			Files.write(imported, content);
		}
		int port = config.ports().keycloak();
		int managementPort = config.ports().keycloakManagement();
		Path javaHome = Path.of(LocalSuite.java()).getParent().getParent();
		Path dbDir = config.dataDir().resolve("keycloak");
		Files.createDirectories(dbDir);
		return ChildProcess.start("keycloak",
				List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
						"--http-port=" + port,
						"--http-management-port=" + managementPort,
						"--hostname=http://localhost:" + port,
						"--health-enabled=true",
						"--import-realm"),
				Map.of("JAVA_HOME", javaHome.toString(),
						"KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
						"KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
						"JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
						// the dev-file H2 URL is ${kc.db-url-path}/data/h2/keycloakdb
						"JAVA_OPTS_APPEND", "-Dkc.db-url-path=" + dbDir.toAbsolutePath()),
				config.dataDir(), config.logDir().resolve("keycloak.log"));
	}

	/**
	 * The realm as imported: the web client's allowed origins also name this run's gateway. Its {@code "+"} (the
	 * redirect URIs' origins) gives {@code http://localhost} without a port for the loopback redirect URIs, which
	 * Keycloak accepts on any port — but a browser's CORS origin has the port, so the portal's staff login could not
	 * exchange its code at the token endpoint from a gateway on a free port.
	 */
	static byte[] realmFor(Path realm, int gatewayPort) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode root = json.readTree(Files.readString(realm));
		for (JsonNode client : root.path("clients")) {
			if (WEB_CLIENT.equals(client.path("clientId").asString()) && client.path("webOrigins") instanceof ArrayNode origins) {
				for (String host : List.of("localhost", "127.0.0.1")) {
					String origin = "http://" + host + ":" + gatewayPort;
					if (origins.valueStream().noneMatch(existing -> existing.asString().equals(origin))) {
						origins.add(origin);
					}
				}
			}
		}
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	static void awaitReady(SuiteConfig config, ChildProcess process, Duration timeout) {
		String readiness = "http://localhost:" + config.ports().keycloakManagement() + "/health/ready";
		Probes.awaitHealthy("keycloak", timeout, process, () -> Probes.httpUp(readiness));
	}

	static Path home(Path repoRoot) throws IOException {
		Path unpacked = repoRoot.resolve("deploy/target/keycloak");
		if (Files.isDirectory(unpacked)) {
			try (Stream<Path> dirs = Files.list(unpacked)) {
				var homes = dirs.filter(dir -> Files.isExecutable(dir.resolve("bin/kc.sh"))).toList();
				if (homes.size() == 1) {
					return homes.getFirst();
				}
				if (homes.size() > 1) {
					throw new IllegalStateException("More than one Keycloak in " + unpacked + ": " + homes
							+ "; run ./mvnw -pl deploy clean package");
				}
			}
		}
		throw new IllegalStateException("No Keycloak in " + unpacked + "; build the deploy module first");
	}

	/** The demo users of realm-elorda.json (local demo secrets). */
	enum DemoUser {
		AKIMAT_OFFICER("akimat.officer", "Akimat-demo-1", "akimat-officer", null),
		BANK_OFFICER("bank.officer", "Bank-demo-1", "bank-officer", null),
		/** The cabinet's demo client of seed 000 (DemoData's client 0): the username is the IIN. */
		CITIZEN("651106450323", "Citizen-demo-1", "citizen", "110000101182"),
		CITIZEN2("900315300010", "Citizen-demo-2", "citizen", "110100000001"),
		CONTENT_EDITOR("content.editor", "Editor-demo-1", "cabinet-editor", null),
		CABINET_OPERATOR("cabinet.operator", "Operator-demo-1", "cabinet-operator", null);

		final String username;
		final String password;
		final String role;
		/** A citizen's account number («лицевой счет»); null for staff. */
		final @Nullable String accountNumber;

		DemoUser(String username, String password, String role, @Nullable String accountNumber) {
			this.username = username;
			this.password = password;
			this.role = role;
			this.accountNumber = accountNumber;
		}

		/**
		 * Staff log in through Keycloak's own login page ({@link OidcLogin}); citizens through the cabinet's login
		 * (identity-service: user type, account number, IIN, password).
		 */
		boolean staff() {
			return accountNumber == null;
		}

		@Override
		public String toString() {
			return staff() ? "%-16s / %-15s (%s, Keycloak's login page)".formatted(username, password, role)
					: "IIN %s, account %s / %s (%s, the cabinet's login)".formatted(username, accountNumber, password,
							role);
		}
	}
}
