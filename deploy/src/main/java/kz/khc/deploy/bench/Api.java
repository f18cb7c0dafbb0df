package kz.khc.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.khc.contracts.Iin;
import kz.khc.deploy.OidcLogin;

/**
 * The few HTTP calls the benchmark makes besides the measured ones: tokens, Keycloak's admin API, the core-data
 * import. The launcher has no JSON library; the handful of fields needed are picked out with patterns.
 */
public final class Api {

	static final String REALM = "elorda";
	static final String WEB_CLIENT = "elorda-web";
	/** Local demo secrets of realm-elorda.json and the Keycloak dev-mode admin. */
	static final String OPERATOR = "cabinet.operator";
	static final String OPERATOR_PASSWORD = "Operator-demo-1";
	static final String AKIMAT_OFFICER = "akimat.officer";
	static final String AKIMAT_OFFICER_PASSWORD = "Akimat-demo-1";
	static final String CITIZEN_PASSWORD = "Bench-citizen-1";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern SESSION_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern UUID_ID = Pattern.compile(
			"\"id\"\\s*:\\s*\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");
	private static final Pattern YEARS = Pattern.compile("\"years\"\\s*:\\s*\\[([0-9,\\s]*)]");

	/**
	 * A whole Elorda Zhastary application form of a nurse at a city hospital, single, as her browser saves it;
	 * {@code %s} her full name. The benchmark's and the end-to-end test's applicants.
	 */
	public static final String HEALTHCARE_FORM = """
			{"category":"HEALTHCARE","requestedLoan":15000000,
			 "applicant":{"fullName":"%s","citizenship":"KZ",
			  "registration":{"city":"ASTANA","permanent":true,"since":"2018-05-01"},
			  "employment":{"organizationBin":"090440001236","organizationName":"ГКП на ПХВ «Городская больница № 1»",
			   "position":"медицинская сестра","sphere":"HEALTHCARE","city":"ASTANA","stateOrganization":true,
			   "profileStaff":true,"since":"2020-02-01","onMaternityLeave":false},
			  "education":{"level":"VOCATIONAL","matchesSphere":true},"disabilityGroup":null,"orphanQueueCity":null},
			 "family":[],
			 "householdNetIncome":[280000,280000,285000,285000,290000,290000],
			 "deposits":[{"holder":"APPLICANT","bank":"OTBASY","balance":600000}],
			 "property":{"ownedInLast5Years":false,"rentToOwnInLast5Years":false,"onlyEmergencyAdobeOrReed":false},
			 "contact":{"mobile":"+77011234567","email":null,"language":"ru"}}""";

	/**
	 * A small, well-formed PDF (no pages): the header, two objects, the cross-reference table and {@code startxref}
	 * pointing at it, {@code %%EOF} — what the intake tells a PDF by.
	 */
	public static final byte[] SMALL_PDF = pdf();

	private final HttpClient http;
	private final String gateway;
	private final String keycloak;

	public Api(HttpClient http, String gateway, String keycloak) {
		this.http = http;
		this.gateway = gateway;
		this.keycloak = keycloak;
	}

	HttpClient http() {
		return http;
	}

	String gateway() {
		return gateway;
	}

	/**
	 * An access token by the password grant of {@code elorda-web} (realm elorda; citizens, until identity-service's
	 * own login replaces it) or {@code admin-cli} (master).
	 */
	String token(String realm, String clientId, String username, String password) {
		var response = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", clientId,
						"username", username, "password", password))))
				.build());
		expect(response, 200, "token of " + username);
		return first(ACCESS_TOKEN, response.body(), "access_token");
	}

	/** An access token by the client-credentials grant: a service acting as itself. */
	String serviceToken(String clientId, String secret) {
		var response = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + REALM + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "client_id",
						clientId, "client_secret", secret))))
				.build());
		expect(response, 200, "token of " + clientId);
		return first(ACCESS_TOKEN, response.body(), "access_token");
	}

	/**
	 * A citizen's access token by the cabinet's login (DOMAIN I3) through the gateway: user type, account number, IIN
	 * (the username) and password; Keycloak answers only identity-service's confidential client.
	 */
	public String citizenToken(String iin, String accountNumber) {
		HttpResponse<String> response;
		// 503: identity-service did not get Keycloak's answer in time (a cold Keycloak on a busy machine): again
		for (int attempt = 1;; attempt++) {
			response = send(HttpRequest.newBuilder(URI.create(gateway + "/api/identity/v1/sessions"))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(login(iin, accountNumber, CITIZEN_PASSWORD)))
					.build());
			if (response.statusCode() != 503 || attempt == 3) {
				break;
			}
			pause(Duration.ofSeconds(2L * attempt));
		}
		expect(response, 200, "login of " + iin);
		return first(SESSION_TOKEN, response.body(), "accessToken");
	}

	static String login(String iin, String accountNumber, String password) {
		return "{\"userType\":\"CLIENT\",\"accountNumber\":\"%s\",\"iin\":\"%s\",\"password\":\"%s\"}"
				.formatted(accountNumber, iin, password);
	}

	/**
	 * A valid IIN for the {@code n}-th benchmark user: a man born on the n-th day after 1 January 1980, with the check
	 * digit of the national rule (weights 1…11, or 3…11, 1, 2 when the first sum leaves 10).
	 */
	public static String iin(int n) {
		LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(n % 7000);
		for (int serial = n / 7000;; serial++) {
			String eleven = "%02d%02d%02d3%04d".formatted(birth.getYear() % 100, birth.getMonthValue(),
					birth.getDayOfMonth(), serial % 10_000);
			Optional<String> iin = Iin.completed(eleven);
			if (iin.isPresent()) {
				return iin.get();
			}
		}
	}

	/** Staff log in through Keycloak's login page (authorization code + PKCE), as the operator really does. */
	String operatorToken() {
		return new OidcLogin(keycloak, REALM, WEB_CLIENT, gateway + "/").login(OPERATOR, OPERATOR_PASSWORD).accessToken();
	}

	/** The akimat's officer, who opens and closes the programme's editions. */
	String akimatToken() {
		return new OidcLogin(keycloak, REALM, WEB_CLIENT, gateway + "/").login(AKIMAT_OFFICER, AKIMAT_OFFICER_PASSWORD)
			.accessToken();
	}

	public String adminToken() {
		return token("master", "admin-cli", "admin", "admin");
	}

	/**
	 * Creates (or finds) a citizen user as primary authorization makes one — username the IIN, the account number and
	 * user type as attributes — for the account of a generated client, and grants realm role {@code citizen}.
	 */
	public void ensureCitizen(String adminToken, String username, String accountNumber) {
		String users = keycloak + "/admin/realms/" + REALM + "/users";
		var existing = send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
				.header("Authorization", "Bearer " + adminToken).GET().build());
		expect(existing, 200, "user lookup");
		String id;
		if (existing.body().contains("\"username\"")) {
			id = first(Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\""), existing.body(), "user id");
		} else {
			String body = """
					{"username":"%s","email":"%s@bench.example","firstName":"Bench","lastName":"Citizen %s",\
					"emailVerified":true,"enabled":true,\
					"credentials":[{"type":"password","value":"%s","temporary":false}],\
					"attributes":{"account_number":["%s"],"user_type":["CLIENT"]}}""".formatted(username, username, accountNumber,
					CITIZEN_PASSWORD, accountNumber);
			var created = send(HttpRequest.newBuilder(URI.create(users))
					.header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build());
			expect(created, 201, "create user " + username);
			String location = created.headers().firstValue("Location").orElseThrow();
			id = location.substring(location.lastIndexOf('/') + 1);
		}
		var role = send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM + "/roles/citizen"))
				.header("Authorization", "Bearer " + adminToken).GET().build());
		expect(role, 200, "role citizen");
		var granted = send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
				.header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")).build());
		expect(granted, 204, "grant citizen to " + username);
	}

	HttpResponse<String> get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(30)).GET().build());
	}

	HttpResponse<String> post(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
	}

	/**
	 * Uploads one document to a draft as the citizen's browser does (multipart {@code type}, {@code holderIin},
	 * {@code issuedOn}, {@code file}): a small PDF, told a PDF by its bytes.
	 */
	public HttpResponse<String> upload(String token, String applicationId, String type, String holderIin,
			LocalDate issuedOn) {
		String boundary = "bench" + UUID.randomUUID();
		var body = new StringBuilder();
		for (String[] field : List.of(new String[] { "type", type }, new String[] { "holderIin", holderIin },
				new String[] { "issuedOn", issuedOn.toString() })) {
			body.append("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n".formatted(boundary,
					field[0], field[1]));
		}
		body.append("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s.pdf\"\r\n".formatted(
				boundary, type.toLowerCase()))
			.append("Content-Type: application/pdf\r\n\r\n")
			.append(new String(SMALL_PDF, StandardCharsets.US_ASCII))
			.append("\r\n")
			.append("--%s--\r\n".formatted(boundary));
		return send(HttpRequest.newBuilder(URI.create(gateway + "/api/elorda/v1/applications/" + applicationId
				+ "/documents"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build());
	}

	private static byte[] pdf() {
		String objects = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n";
		int second = objects.indexOf("2 0 obj");
		String pdf = objects + "xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n".formatted(9, second)
				+ "trailer << /Size 3 /Root 1 0 R >>\nstartxref\n" + objects.length() + "\n%%EOF\n";
		return pdf.getBytes(StandardCharsets.US_ASCII);
	}

	/** The ids of the signed-in citizen's contracts ({@code GET /api/cabinet/v1/contracts}). */
	List<String> contractIds(String token) {
		var response = get("/api/cabinet/v1/contracts", token);
		expect(response, 200, "contracts");
		return all(UUID_ID, response.body());
	}

	/** The years of a contract's schedule, from its first schedule page. */
	List<Integer> scheduleYears(String token, String contractId) {
		var response = get("/api/cabinet/v1/contracts/" + contractId + "/schedule?size=1", token);
		expect(response, 200, "schedule years");
		String years = first(YEARS, response.body(), "years");
		var result = new ArrayList<Integer>();
		for (String year : years.split(",")) {
			if (!year.isBlank()) {
				result.add(Integer.parseInt(year.trim()));
			}
		}
		return result;
	}

	/** Posts one chunk of JSON lines to the core-data import; the import's report (JSON) or a failure. */
	HttpResponse<String> importChunk(String token, byte[] lines) {
		return send(HttpRequest.newBuilder(URI.create(gateway + "/api/cabinet/v1/core-data/imports"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
				.timeout(Duration.ofMinutes(2))
				.POST(HttpRequest.BodyPublishers.ofByteArray(lines)).build());
	}

	static long number(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration); // a retry's back-off, not a wait for a state
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			String body = response.body();
			throw new IllegalStateException("%s: HTTP %d %s".formatted(what, response.statusCode(),
					body.length() > 500 ? body.substring(0, 500) : body));
		}
	}

	static String first(Pattern pattern, String text, String what) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + what + " in " + (text.length() > 300 ? text.substring(0, 300) : text));
		}
		return matcher.group(1);
	}

	private static List<String> all(Pattern pattern, String text) {
		var result = new ArrayList<String>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			result.add(matcher.group(1));
		}
		return result;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
				.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
	}
}
