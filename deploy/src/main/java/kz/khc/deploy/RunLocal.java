package kz.khc.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the whole suite on this machine and blocks until Ctrl-C, which stops everything again.
 * <p>
 * Arguments: {@code --data-dir=<dir>} (default {@code <repo>/.local}), {@code --no-services} (only PostgreSQL, Kafka
 * and Keycloak).
 */
public final class RunLocal {

	private RunLocal() {
	}

	public static void main(String[] args) throws InterruptedException {
		quietClientLogging();
		List<String> arguments = List.of(args);
		Path repoRoot = SuiteConfig.locateRepoRoot();
		Path dataDir = arguments.stream().filter(arg -> arg.startsWith("--data-dir=")).findFirst()
				.map(arg -> Path.of(arg.substring("--data-dir=".length())))
				.orElse(repoRoot.resolve(".local"));
		SuiteConfig config = SuiteConfig.defaults(dataDir);
		if (arguments.contains("--no-services")) {
			config = config.withoutServices();
		}
		System.out.printf("Starting the Elorda suite (data in %s, logs in %s) ...%n", config.dataDir(), config.logDir());

		var suite = new LocalSuite(config);
		var shutdown = new Thread(() -> {
			System.out.println("Stopping the suite ...");
			suite.close();
			System.out.println("Stopped.");
		}, "suite-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdown);
		try {
			suite.startAll();
		} catch (RuntimeException e) {
			System.err.println("The suite did not start: " + e.getMessage());
			Runtime.getRuntime().exit(1); // the hook runs close() once more: a no-op
		}
		printSummary(suite);
		Thread.currentThread().join(); // until Ctrl-C
	}

	/**
	 * The launcher's (and the benchmarks') own Kafka admin client and zonky log through slf4j-simple; keep the console
	 * for the summary.
	 */
	public static void quietClientLogging() {
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
		System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
		// WireMock's (shaded) Jetty and GreenMail run in this JVM: only their warnings
		System.setProperty("org.slf4j.simpleLogger.log.wiremock", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.com.github.tomakehurst.wiremock", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.com.icegreen.greenmail", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.WireMock", "warn");
	}

	private static void printSummary(LocalSuite suite) {
		SuiteConfig config = suite.config();
		var out = new StringBuilder();
		out.append("%n=== Elorda suite is up in %.1f s ===%n".formatted(suite.startupTime().toMillis() / 1000.0));
		if (config.withServices()) {
			out.append("Web portal         %s/  (citizens: %s/cabinet/login; staff: %s/staff/login)%n"
				.formatted(suite.gatewayUrl(), suite.gatewayUrl(), suite.gatewayUrl()));
			out.append("Gateway (API)      %s/api/…%n".formatted(suite.gatewayUrl()));
			out.append("Swagger UI         %s/swagger-ui.html%n".formatted(suite.gatewayUrl()));
		}
		out.append("Dev mailbox        %s  (email and SMS the suite sent)%n".formatted(suite.mailboxUrl()));
		out.append("SMS simulator      http://127.0.0.1:%d  (WireMock; requests at /__admin/requests)%n"
				.formatted(config.ports().sms()));
		out.append("SMTP (GreenMail)   127.0.0.1:%d%n".formatted(config.ports().smtp()));
		out.append("NCA simulator      %s  (demo CA, not a real one: OCSP %s, CRL %s)%n"
				.formatted(suite.ncaUrl(), suite.demoCa().ocspUrl().getPath(), suite.demoCa().crlUrl().getPath()));
		out.append("Demo NCALayer      %s  (NCALayer's WebSocket protocol, module kz.gov.pki.knca.basics, for the portal)%n"
				.formatted(suite.ncaLayerUrl()));
		out.append("Demo signer        POST %s {\"iin\":\"…\",\"contentBase64\":\"…\"}  (the same, for scripts)%n"
				.formatted(suite.signerUrl()));
		out.append("  signs for any IIN as the citizen; demo citizens: %s%n".formatted(LocalSuite.DEMO_SIGNERS.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(signer -> signer.getKey() + " (" + signer.getValue() + ")")
			.collect(Collectors.joining(", "))));
		out.append("Demo CA            %s  (%s; elorda trusts root.pem)%n".formatted(suite.demoCa().directory(),
				suite.demoCa().created() ? "generated now" : "reused"));
		out.append("Keycloak admin     %s/admin  (%s / %s, local demo)%n"
				.formatted(suite.keycloakUrl(), Keycloak.ADMIN_USER, Keycloak.ADMIN_PASSWORD));
		out.append("OIDC issuer        %s%n".formatted(suite.issuerUri()));
		out.append("Kafka              %s%n".formatted(suite.kafkaBootstrapServers()));
		out.append("PostgreSQL         jdbc:postgresql://127.0.0.1:%d/<db>  (db = user = password: %s)%n"
				.formatted(config.ports().postgres(), String.join(", ", Postgres.DATABASES)));
		if (config.withServices()) {
			out.append("Health:%n".formatted());
			Service.ALL.forEach(service -> out.append("  %-20s %s%n".formatted(service.name(), service.healthUrl(config))));
		}
		out.append("Demo logins (realm %s; staff on Keycloak's login page with code + PKCE, citizens at the portal's "
				+ "cabinet login or %s):%n".formatted(Keycloak.REALM, "POST /api/identity/v1/sessions"));
		for (Keycloak.DemoUser user : Keycloak.DemoUser.values()) {
			out.append("  %s%n".formatted(user));
		}
		if (config.withServices()) {
			out.append(("Demo applications  Elorda Zhastary 2026: %d per category, verified and ranked (%s/api/scoring/v1/"
					+ "programmes/elorda-zhastary/editions/2026/lists/HEALTHCARE); %s heads the healthcare list%n")
				.formatted(DemoApplications.PER_CATEGORY, suite.gatewayUrl(), DemoApplications.DEMO_CITIZEN_IIN));
			out.append(("Open for applying  edition %s (%s%s/current): citizens start a draft at POST %s/api/elorda/v1/"
					+ "applications%n").formatted(suite.openEdition(), suite.gatewayUrl(), DemoEdition.EDITIONS,
							suite.gatewayUrl()));
		}
		out.append("Data dir           %s%n".formatted(config.dataDir()));
		out.append("Logs               %s%n".formatted(config.logDir()));
		appendMemory(out, "RSS", suite.rssKb());
		appendMemory(out, "PSS", suite.pssKb());
		out.append("(RSS sums count PostgreSQL's shared buffers once per backend; PSS splits shared pages)%n".formatted());
		out.append("%nPress Ctrl-C to stop everything.%n".formatted());
		System.out.print(out);
	}

	private static void appendMemory(StringBuilder out, String kind, Map<String, Long> kbByComponent) {
		long total = kbByComponent.values().stream().mapToLong(Long::longValue).sum();
		out.append("Memory (%s)       %d MB in total:".formatted(kind, total / 1024));
		kbByComponent.forEach((name, kb) -> out.append(" %s %d,".formatted(name, kb / 1024)));
		out.setLength(out.length() - 1);
		out.append("%n".formatted());
	}
}
