package kz.khc.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import kz.khc.deploy.providers.DevMailbox;
import kz.khc.deploy.providers.MailServer;
import kz.khc.deploy.providers.SmsSimulator;
import kz.khc.deploy.signing.DemoCa;
import kz.khc.deploy.signing.NcaLayerSimulator;
import kz.khc.deploy.signing.NcaSimulator;
import org.jspecify.annotations.Nullable;

/**
 * The whole suite on one machine: PostgreSQL (zonky), Kafka, Keycloak and, inside this JVM, the SMS provider
 * simulator, the mail server, the developer mailbox page and the national CA's simulator with the demo CA in parallel,
 * then the six services.
 * {@link #close()} stops everything it started: services first, then Keycloak, Kafka, PostgreSQL and the
 * in-process stand-ins.
 */
public final class LocalSuite implements AutoCloseable {

	private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
	private static final Duration KEYCLOAK_STOP_GRACE = Duration.ofSeconds(30);
	/** Where the SMS provider posts delivery receipts (notification-service's ReceiptController). */
	private static final String RECEIPT_PATH = "/api/notifications/v1/provider-receipts/sms";
	/** The demo citizens' names on their demo signing certificates, as the NCA writes them: SURNAME NAME. */
	static final Map<String, String> DEMO_SIGNERS = Map.of(
			Keycloak.DemoUser.CITIZEN.username, "АХМЕТОВА ДАНА",
			Keycloak.DemoUser.CITIZEN2.username, "СЕРИКБАЕВ ЕРЛАН");

	private final SuiteConfig config;
	private final KafkaBroker kafka;
	private final List<RunningService> services = new CopyOnWriteArrayList<>();
	private volatile Postgres postgres;
	private volatile ChildProcess keycloak;
	private volatile SmsSimulator sms;
	private volatile MailServer mail;
	private volatile DevMailbox mailbox;
	private volatile DemoCa demoCa;
	private volatile NcaSimulator nca;
	private volatile NcaLayerSimulator ncaLayer;
	private volatile boolean closed;
	private Duration startupTime;
	/** The edition taking applications, opened by {@link DemoEdition} when none was; null without services. */
	private @Nullable String openEdition;

	private record RunningService(Service service, ChildProcess process) {
	}

	public LocalSuite(SuiteConfig config) {
		this.config = config;
		this.kafka = new KafkaBroker(java(), config.repoRoot().resolve("deploy/target/kafka/lib"), config.dataDir(),
				config.logDir().resolve("kafka.log"), config.ports().kafka(), config.ports().kafkaController());
	}

	/** Starts the suite and waits until every component is healthy; on failure stops what started and throws. */
	public static LocalSuite start(SuiteConfig config) {
		var suite = new LocalSuite(config);
		suite.startAll();
		return suite;
	}

	/** The java executable of this JVM; the children run on the same JDK. */
	static String java() {
		return ProcessHandle.current().info().command()
				.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/** See {@link #start}; separate so that a shutdown hook can be registered before anything runs. */
	public void startAll() {
		Instant begin = Instant.now();
		Duration timeout = config.startupTimeout();
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		try {
			Files.createDirectories(config.logDir());
			List<Path> jars = new ArrayList<>();
			if (config.withServices()) {
				for (Service service : Service.ALL) {
					jars.add(service.jar(config.repoRoot())); // fail before starting anything if one is missing
				}
			}
			awaitAll(List.of(
					CompletableFuture.runAsync(unchecked("postgres", this::launchPostgres), executor),
					CompletableFuture.runAsync(unchecked("kafka", () -> kafka.start(timeout)), executor),
					CompletableFuture.runAsync(unchecked("keycloak", () -> {
						keycloak = stopIfClosed(Keycloak.launch(config));
						Keycloak.awaitReady(config, keycloak, timeout);
					}), executor),
					CompletableFuture.runAsync(unchecked("providers", this::startProviders), executor)));
			for (int i = 0; i < jars.size(); i++) {
				Service service = Service.ALL.get(i);
				services.add(new RunningService(service, stopIfClosed(startService(service, jars.get(i)))));
			}
			awaitAll(services.stream().map(running -> CompletableFuture.runAsync(() -> Probes.awaitHealthy(
					running.service().name(), timeout, running.process(),
					() -> Probes.httpUp(running.service().healthUrl(config))), executor)).toList());
			if (config.withServices()) {
				DemoApplications.publish(kafka.bootstrapServers());
				openEdition = DemoEdition.ensureOpen(gatewayUrl(), keycloakUrl());
			}
			startupTime = Duration.between(begin, Instant.now());
		} catch (RuntimeException | IOException e) {
			if (e instanceof Probes.ComponentFailedException failed && failed.log() != null) {
				System.err.printf("%n%s%n----- last lines of %s -----%n%s%n-----%n",
						failed.getMessage(), failed.log(), Probes.tail(failed.log(), 60));
			}
			close();
			throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
		} finally {
			executor.shutdownNow(); // waiters of a failed start end by interrupt or because close() stopped their process
		}
	}

	private void launchPostgres() throws Exception {
		postgres = Postgres.start(config.ports().postgres(), config.dataDir().resolve("postgres"),
				config.logDir().resolve("postgres.log"));
		if (closed) {
			postgres.close();
			throw new IllegalStateException("suite closed while starting");
		}
	}

	/**
	 * The SMS provider simulator and the mail server the notification service sends to, the page showing both, and
	 * the demo CA with its simulator, which elorda-application-service asks about its certificates.
	 */
	private synchronized void startProviders() throws IOException {
		if (closed) {
			throw new IllegalStateException("suite closed while starting");
		}
		// the provider posts its receipts through the suite's public entry point, as the real one would
		URI receipts = URI.create("http://127.0.0.1:" + config.ports().gateway() + RECEIPT_PATH);
		sms = SmsSimulator.start(config.repoRoot().resolve("deploy/sms-simulator"), config.ports().sms(), receipts);
		mail = MailServer.start(config.ports().smtp());
		mailbox = DevMailbox.start(config.ports().mailbox(), mail, sms, "127.0.0.1:" + config.ports().smtp());
		// made on the first start, then reused: the certificates name the simulator's port
		demoCa = DemoCa.open(config.dataDir().resolve("demo-ca"), URI.create("http://127.0.0.1:" + config.ports().nca()),
				DEMO_SIGNERS);
		// the portal's pages behind the gateway sign with the demo NCALayer from the browser
		List<String> portal = List.of("http://localhost:" + config.ports().gateway(), "http://127.0.0.1:" + config.ports().gateway());
		nca = NcaSimulator.start(demoCa, config.ports().nca());
		ncaLayer = NcaLayerSimulator.start(demoCa, config.ports().ncaLayer(), portal);
	}

	private ChildProcess startService(Service service, Path jar) throws IOException {
		var env = new HashMap<String, String>();
		env.put("SERVER_PORT", String.valueOf(service.port(config)));
		env.put("SPRING_PROFILES_ACTIVE", "local");
		env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuerUri());
		// where the other services are, and where a service gets its own token (client credentials) to call them
		for (Service backend : Service.ALL) {
			if (backend.database() != null) {
				env.put("SERVICES_" + backend.database().toUpperCase() + "_URL", "http://127.0.0.1:" + backend.port(config));
			}
		}
		env.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_KEYCLOAK_TOKEN_URI", tokenUrl());
		env.put("SERVICES_KEYCLOAK_ADMIN_URL", keycloakUrl() + "/admin/realms/" + Keycloak.REALM);
		if (service.database() != null) {
			env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + config.ports().postgres() + "/" + service.database()
					+ "?reWriteBatchedInserts=true");
			env.put("SPRING_DATASOURCE_USERNAME", service.database());
			env.put("SPRING_DATASOURCE_PASSWORD", service.database());
			env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
			// a connection held for longer is logged with the stack that took it
			env.put("SPRING_DATASOURCE_HIKARI_LEAKDETECTIONTHRESHOLD", "20000");
		}
		if (service.name().equals("gateway")) {
			// the web portal: browsers reach Keycloak (the staff's login) and the demo NCALayer directly
			env.put("PORTAL_KEYCLOAKURL", keycloakUrl());
			env.put("SERVICES_KEYCLOAK_URL", keycloakUrl());
			env.put("PORTAL_SIGNERURL", ncaLayerUrl());
		}
		if (service.name().equals("identity")) {
			// the outside providers' simulator also answers for the captcha provider
			env.put("IDENTITY_CAPTCHA_VERIFY_URL", "http://127.0.0.1:" + config.ports().sms() + "/recaptcha/api");
			// the email confirmation link opens the portal's page behind the gateway
			env.put("IDENTITY_EMAIL_LINK_BASE_URL", gatewayUrl() + "/cabinet/email-confirmation");
		}
		if (service.name().equals("elorda-application")) {
			// applicants' signatures are trusted when they chain to the demo CA (kz.khc.deploy.signing)
			env.put("ELORDA_SIGNATURE_TRUSTEDROOTS", demoCa.rootPem().toUri().toString());
			env.put("ELORDA_SIGNATURE_INTERMEDIATES", demoCa.intermediatePem().toUri().toString());
		}
		if (service.name().equals("notification")) {
			env.put("SPRING_MAIL_HOST", "127.0.0.1");
			env.put("SPRING_MAIL_PORT", String.valueOf(config.ports().smtp()));
			env.put("NOTIFICATIONS_SMS_BASE_URL", "http://127.0.0.1:" + config.ports().sms());
			env.put("NOTIFICATIONS_SMS_API_KEY", SmsSimulator.API_KEY);
			env.put("NOTIFICATIONS_SMS_RECEIPT_TOKEN", SmsSimulator.RECEIPT_TOKEN);
		}
		env.putAll(config.serviceEnvironment().getOrDefault(service.name(), Map.of()));
		var command = new ArrayList<String>();
		command.add(java());
		command.addAll(service.jvmFlags());
		command.addAll(List.of("-jar", jar.toString()));
		return ChildProcess.start(service.name(), command, env, config.dataDir().resolve("services").resolve(service.name()),
				config.logDir().resolve(service.name() + ".log"));
	}

	/** A Ctrl-C during startup may close the suite while a component is being launched. */
	private ChildProcess stopIfClosed(ChildProcess process) {
		if (closed) {
			process.stop(Duration.ZERO);
			throw new IllegalStateException("suite closed while starting");
		}
		return process;
	}

	/** Stops the broker gracefully (the services keep running and retry). */
	void stopKafka() {
		kafka.stop();
	}

	/** Starts the broker again on the same ports and data, waiting until it answers. */
	void startKafka() {
		try {
			kafka.start(config.startupTimeout());
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Kills the broker (SIGKILL, no controlled shutdown), as a crash would; {@link #startKafka()} brings it back. */
	void killKafka() {
		kafka.kill();
	}

	/**
	 * Stops PostgreSQL with a fast shutdown (open transactions rolled back, connections cut; the services keep running
	 * and their pools fail until it is back).
	 */
	void stopPostgres() {
		Postgres running = postgres;
		if (running != null) {
			try {
				running.close();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
			postgres = null;
		}
	}

	/** Starts PostgreSQL again on the same port and data directory. */
	void startPostgres() {
		try {
			launchPostgres();
		} catch (RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Stops Keycloak (its process tree; the services keep running with the keys they fetched). */
	void stopKeycloak() {
		ChildProcess running = keycloak;
		if (running != null) {
			running.stop(KEYCLOAK_STOP_GRACE);
		}
	}

	/** Starts Keycloak again on the same ports and data (its H2 database: same realm, users and keys), waiting until ready. */
	void startKeycloak() {
		try {
			keycloak = Keycloak.launch(config);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		Keycloak.awaitReady(config, keycloak, config.startupTimeout());
	}

	public SuiteConfig config() {
		return config;
	}

	@Nullable String openEdition() {
		return openEdition;
	}

	Duration startupTime() {
		return startupTime;
	}

	public String gatewayUrl() {
		return "http://localhost:" + config.ports().gateway();
	}

	/** A service's own address, behind the gateway: for internal APIs the gateway does not route. */
	String serviceUrl(String name) {
		return Service.ALL.stream()
			.filter(service -> service.name().equals(name))
			.map(service -> "http://127.0.0.1:" + service.port(config))
			.findFirst()
			.orElseThrow();
	}

	public String keycloakUrl() {
		return "http://localhost:" + config.ports().keycloak();
	}

	String issuerUri() {
		return keycloakUrl() + "/realms/" + Keycloak.REALM;
	}

	String tokenUrl() {
		return issuerUri() + "/protocol/openid-connect/token";
	}

	String kafkaBootstrapServers() {
		return kafka.bootstrapServers();
	}

	public String mailboxUrl() {
		return "http://127.0.0.1:" + config.ports().mailbox() + "/";
	}

	/** The demo CA, which signs as a citizen's NCALayer would ({@link DemoCa#sign}); null until started. */
	public DemoCa demoCa() {
		return demoCa;
	}

	/** The demo signer for scripts: {@code POST {"iin":"…","contentBase64":"…"}} signs as NCALayer would. */
	public String signerUrl() {
		return "http://127.0.0.1:" + config.ports().nca() + "/ncalayer/sign";
	}

	/** The demo NCALayer, which the portal's pages sign with: NCALayer's WebSocket protocol ({@link NcaLayerSimulator}). */
	public String ncaLayerUrl() {
		return "ws://127.0.0.1:" + config.ports().ncaLayer();
	}

	String ncaUrl() {
		return "http://127.0.0.1:" + config.ports().nca();
	}

	/** The SMS provider simulator; null until started. */
	public SmsSimulator sms() {
		return sms;
	}

	/** The mail server; null until started. */
	public MailServer mail() {
		return mail;
	}

	/** Resident memory (VmRSS) in kB per component: each process and its descendants (PostgreSQL: postmaster + backends). */
	Map<String, Long> rssKb() {
		return memory(ProcessMemory::rssKb);
	}

	/** Like {@link #rssKb()} with shared pages split between the processes sharing them (PSS). */
	Map<String, Long> pssKb() {
		return memory(ProcessMemory::pssKb);
	}

	private Map<String, Long> memory(ToLongFunction<Stream<ProcessHandle>> measure) {
		var memory = new LinkedHashMap<String, Long>();
		if (postgres != null) {
			memory.put("postgres", measure.applyAsLong(postgres.tree()));
		}
		ChildProcess broker = kafka.process();
		if (broker != null) {
			memory.put("kafka", measure.applyAsLong(broker.tree()));
		}
		if (keycloak != null) {
			memory.put("keycloak", measure.applyAsLong(keycloak.tree()));
		}
		services.forEach(running -> memory.put(running.service().name(), measure.applyAsLong(running.process().tree())));
		return memory;
	}

	/** Stops services, then Keycloak, Kafka and PostgreSQL; safe to call more than once and from a shutdown hook. */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		services.parallelStream().forEach(running -> running.process().stop(SERVICE_STOP_GRACE));
		if (keycloak != null) {
			keycloak.stop(KEYCLOAK_STOP_GRACE);
		}
		kafka.stop();
		if (postgres != null) {
			try {
				postgres.close();
			} catch (IOException | RuntimeException e) {
				System.err.println("Stopping PostgreSQL failed: " + e);
			}
		}
		for (AutoCloseable provider : new AutoCloseable[] { ncaLayer, nca, mailbox, sms, mail }) {
			if (provider != null) {
				try {
					provider.close();
				} catch (Exception e) {
					System.err.println("Stopping " + provider.getClass().getSimpleName() + " failed: " + e);
				}
			}
		}
	}

	/** Waits for all; returns early with the first failure (in start order) as soon as one fails. */
	private static void awaitAll(List<CompletableFuture<Void>> futures) {
		var firstFailure = new CompletableFuture<Void>();
		futures.forEach(future -> future.exceptionally(failure -> {
			firstFailure.completeExceptionally(failure);
			return null;
		}));
		try {
			CompletableFuture.anyOf(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), firstFailure).join();
		} catch (CompletionException e) {
			for (CompletableFuture<Void> future : futures) { // report the first failed component in start order
				if (future.isCompletedExceptionally()) {
					Throwable cause = future.exceptionNow();
					throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
				}
			}
			throw e;
		}
	}

	private static Runnable unchecked(String component, ThrowingRunnable action) {
		return () -> {
			try {
				action.run();
			} catch (RuntimeException e) {
				throw e;
			} catch (Exception e) {
				throw new Probes.ComponentFailedException(component, e);
			}
		};
	}

	@FunctionalInterface
	private interface ThrowingRunnable {
		void run() throws Exception;
	}
}
