package kz.khc.deploy;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a user in through Keycloak's own login page with the authorization-code flow and PKCE (S256), step by step as a
 * browser does: the authorization request, the login form, the redirect with the code, the code exchanged for tokens
 * with the verifier. Staff get their tokens this way (issue 5): the password grant of {@code elorda-web} is going
 * away, and a test that used it would prove nothing about the login staff really have.
 * <p>
 * Each {@link #login} starts with an empty cookie jar, as a fresh browser: Keycloak's SSO cookie of an earlier login
 * would otherwise skip the form and sign in that earlier user. Redirects are read, never followed: the redirect URI
 * only has to be one the client allows, nothing needs to listen there. It needs nothing but the JDK (the few JSON
 * fields are picked out with patterns), so the launcher, the benchmarks and the tests use it, and so can a shell
 * with only this module's classes: {@code java -cp deploy/target/classes kz.khc.deploy.OidcLogin akimat.officer
 * Akimat-demo-1} prints an access token.
 */
public final class OidcLogin {

	/** What the token endpoint answered; the refresh token is empty if it sent none. */
	public record Tokens(String accessToken, String refreshToken) {
	}

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	/** Keycloak 26's login theme: {@code <form id="kc-form-login" … action="…">}. */
	private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>");
	private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
	/** The message the login page shows above a field, e.g. "Invalid username or password." */
	private static final Pattern FEEDBACK = Pattern.compile("kc-feedback-text[^\"]*\"[^>]*>\\s*([^<]*?)\\s*<");
	/** Keycloak's error page ("We are sorry..."): {@code <div id="kc-error-message"><p class="instruction">…</p>}. */
	private static final Pattern ERROR_MESSAGE = Pattern.compile("id=\"kc-error-message\"[^>]*>\\s*<p[^>]*>\\s*([^<]*?)\\s*<");
	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]*)\"");
	private static final SecureRandom RANDOM = new SecureRandom();

	private final String realmUrl;
	private final String clientId;
	private final String redirectUri;

	/**
	 * @param keycloakUrl e.g. {@code http://localhost:8180}: {@code localhost}, as the tokens' issuer says
	 * @param redirectUri one the client allows, e.g. the gateway's {@code http://localhost:8080/}
	 */
	public OidcLogin(String keycloakUrl, String realm, String clientId, String redirectUri) {
		this.realmUrl = keycloakUrl + "/realms/" + realm;
		this.clientId = clientId;
		this.redirectUri = redirectUri;
	}

	/** Prints an access token: {@code OidcLogin <username> <password> [keycloak URL] [redirect URI]}. */
	public static void main(String[] args) {
		if (args.length < 2) {
			System.err.println("usage: OidcLogin <username> <password> [keycloak-url=http://localhost:8180]"
					+ " [redirect-uri=http://localhost:8080/]");
			System.exit(2);
		}
		var login = new OidcLogin(args.length > 2 ? args[2] : "http://localhost:8180", Keycloak.REALM, "elorda-web",
				args.length > 3 ? args[3] : "http://localhost:8080/");
		System.out.println(login.login(args[0], args[1]).accessToken());
	}

	/** The user's tokens, or an {@link IllegalStateException} saying which step went otherwise (status, some body). */
	public Tokens login(String username, String password) {
		String verifier = random(32);
		String state = random(16);
		String nonce = random(16);
		try (HttpClient http = HttpClient.newBuilder()
				.cookieHandler(new BrowserCookies())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build()) {
			URI authorization = URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
					"response_type", "code", "client_id", clientId, "redirect_uri", redirectUri, "scope", "openid",
					"state", state, "nonce", nonce, "code_challenge", challenge(verifier),
					// the realm speaks ru, kk and en (ru by default): this client reads the page's English messages
					"code_challenge_method", "S256", "ui_locales", "en")));
			HttpResponse<String> page = send(http, HttpRequest.newBuilder(authorization).GET());
			if (page.statusCode() != 200) {
				throw failure("authorization request for " + username + " did not show the login page", page);
			}
			URI action = authorization.resolve(loginFormAction(page));

			HttpResponse<String> loggedIn = send(http, HttpRequest.newBuilder(action)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
							"username", username, "password", password, "credentialId", "")))));
			String code = code(username, loggedIn, state);

			HttpResponse<String> tokens = send(http, HttpRequest.newBuilder(
							URI.create(realmUrl + "/protocol/openid-connect/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
							"grant_type", "authorization_code", "client_id", clientId, "code", code,
							"redirect_uri", redirectUri, "code_verifier", verifier)))));
			if (tokens.statusCode() != 200) {
				throw failure("code exchange for " + username, tokens);
			}
			checkNonce(username, tokens.body(), nonce);
			Matcher refresh = REFRESH_TOKEN.matcher(tokens.body());
			return new Tokens(field(ACCESS_TOKEN, tokens, "access_token of " + username),
					refresh.find() ? refresh.group(1) : "");
		}
	}

	private static String loginFormAction(HttpResponse<String> page) {
		Matcher form = LOGIN_FORM.matcher(page.body());
		if (!form.find()) {
			throw failure("no login form (kc-form-login)", page);
		}
		Matcher action = ACTION.matcher(form.group());
		if (!action.find()) {
			throw failure("login form without an action", page);
		}
		return unescape(action.group(1));
	}

	/** The code from Keycloak's redirect to the redirect URI; the form again (wrong password, locked user) is a failure. */
	private String code(String username, HttpResponse<String> response, String state) {
		if (response.statusCode() == 200 && LOGIN_FORM.matcher(response.body()).find()) {
			Matcher feedback = FEEDBACK.matcher(response.body());
			throw new IllegalStateException("login of %s: Keycloak showed the login form again: %s".formatted(username,
					feedback.find() ? unescape(feedback.group(1)) : "(no message)"));
		}
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !location.startsWith(redirectUri)) {
			throw failure("login of " + username + " did not redirect to " + redirectUri + " (Location: " + location + ")",
					response);
		}
		Map<String, String> parameters = query(URI.create(location));
		if (parameters.containsKey("error")) {
			throw new IllegalStateException("login of %s: %s %s".formatted(username, parameters.get("error"),
					parameters.getOrDefault("error_description", "")));
		}
		if (!state.equals(parameters.get("state"))) {
			throw new IllegalStateException("login of %s: the redirect's state is not ours: %s".formatted(username, location));
		}
		String code = parameters.get("code");
		if (code == null || code.isEmpty()) {
			throw new IllegalStateException("login of %s: no code in %s".formatted(username, location));
		}
		return code;
	}

	/** The ID token must carry the nonce of this login, as a browser client checks. */
	private static void checkNonce(String username, String tokens, String nonce) {
		Matcher idToken = ID_TOKEN.matcher(tokens);
		if (!idToken.find()) {
			throw new IllegalStateException("no id_token for " + username + " (scope openid was asked)");
		}
		String claims = new String(Base64.getUrlDecoder().decode(idToken.group(1).split("\\.")[1]), StandardCharsets.UTF_8);
		Matcher claim = NONCE.matcher(claims);
		if (!claim.find() || !claim.group(1).equals(nonce)) {
			throw new IllegalStateException("the id_token of " + username + " does not carry this login's nonce");
		}
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
		HttpRequest built = request.timeout(TIMEOUT).build();
		try {
			return http.send(built, HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(built.method() + " " + built.uri() + " interrupted", e);
		}
	}

	/** The status and Keycloak's error message if the body is one of its error pages, else the start of the body. */
	private static IllegalStateException failure(String what, HttpResponse<String> response) {
		String body = response.body().strip();
		Matcher error = ERROR_MESSAGE.matcher(body);
		return new IllegalStateException("%s: HTTP %d %s".formatted(what, response.statusCode(),
				error.find() ? "Keycloak's page says: " + unescape(error.group(1))
						: body.length() > 300 ? body.substring(0, 300) + "…" : body));
	}

	private static String field(Pattern pattern, HttpResponse<String> response, String what) {
		Matcher matcher = pattern.matcher(response.body());
		if (!matcher.find()) {
			throw failure("no " + what, response);
		}
		return matcher.group(1);
	}

	/** RFC 7636: the verifier is 43 characters of base64url, the challenge the base64url of its SHA-256. */
	static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String random(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static Map<String, String> query(URI uri) {
		var parameters = new HashMap<String, String>();
		String query = uri.getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = equals < 0 ? pair : pair.substring(0, equals);
				String value = equals < 0 ? "" : pair.substring(equals + 1);
				parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	private static String form(Map<String, String> fields) {
		var form = new StringBuilder();
		fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return form.toString();
	}

	/** The few entities a Keycloak page puts in an attribute or a message. */
	private static String unescape(String html) {
		Matcher entity = Pattern.compile("&(amp|lt|gt|quot|apos|#(\\d+)|#x([0-9a-fA-F]+));").matcher(html);
		return entity.replaceAll(match -> Matcher.quoteReplacement(switch (match.group(1)) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			default -> Character.toString(match.group(2) != null
					? Integer.parseInt(match.group(2))
					: Integer.parseInt(match.group(3), 16));
		}));
	}

	/**
	 * A browser's cookie jar for a local Keycloak. Keycloak marks its login-session cookies {@code Secure} (they are
	 * {@code SameSite=None}) even over plain HTTP; browsers send them to {@code http://localhost} anyway, a secure
	 * context, but Java's {@link CookieManager} keeps {@code Secure} cookies to https. Without them the login form's
	 * POST would land in a new login session ("Cookie not found").
	 */
	private static final class BrowserCookies extends CookieHandler {

		private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
			return cookies.get(LOOPBACK.contains(uri.getHost()) ? asHttps(uri) : uri, requestHeaders);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
			cookies.put(uri, responseHeaders);
		}

		private static URI asHttps(URI uri) {
			return URI.create("https" + uri.toString().substring(uri.getScheme().length()));
		}
	}
}
