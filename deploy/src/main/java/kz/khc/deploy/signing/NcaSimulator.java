package kz.khc.deploy.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import kz.khc.contracts.Iin;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national CA's public services for the {@link DemoCa}, and a demo signer for scripts, on one JDK HTTP server on
 * 127.0.0.1:
 * <ul>
 * <li>{@code POST /ocsp}: the OCSP responder (RFC 6960 over HTTP, {@code application/ocsp-request} in,
 * {@code application/ocsp-response} out, signed by the CA): good, revoked or unknown;</li>
 * <li>{@code GET /crl/demo_nca_rsa.crl}: the CRL, DER, {@code application/pkix-crl};</li>
 * <li>{@code GET /ca/root.pem}, {@code /ca/intermediate.pem}: the CA certificates;</li>
 * <li>{@code POST /ncalayer/sign} {@code {"iin":"…","contentBase64":"…"}}: signs the content with the citizen's
 * demo key as NCALayer would (a detached CMS) and answers {@code {"cmsBase64":"…","certificate":"<PEM>"}};</li>
 * <li>{@code POST /ca/revocations} {@code {"iin":"…"}}: revokes the citizen's current certificate, answers its
 * {@code serialNumber}.</li>
 * </ul>
 * Errors are problem details ({@code application/problem+json}). The last two are for scripts and tests: a browser's
 * request (one with an {@code Origin}) is refused — pages sign with the {@link NcaLayerSimulator}.
 */
public final class NcaSimulator implements AutoCloseable {

	static final String SIGN_PATH = "/ncalayer/sign";
	static final String REVOKE_PATH = "/ca/revocations";
	private static final int MAX_OCSP_REQUEST = 64 * 1024;
	/** Base64 of the content to sign; an application's canonical form is kilobytes. */
	private static final int MAX_JSON_REQUEST = 8 * 1024 * 1024;

	private final HttpServer server;
	private final ExecutorService executor;
	private final DemoCa ca;
	private final JsonMapper json = JsonMapper.builder().build();

	private NcaSimulator(HttpServer server, ExecutorService executor, DemoCa ca) {
		this.server = server;
		this.executor = executor;
		this.ca = ca;
	}

	/**
	 * @param port the port the CA's certificates name (see {@link DemoCa#open})
	 */
	public static NcaSimulator start(DemoCa ca, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		var simulator = new NcaSimulator(server, executor, ca);
		server.createContext("/", simulator::handle);
		server.setExecutor(executor);
		server.start();
		return simulator;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Where the demo signer takes {@code POST {"iin":"…","contentBase64":"…"}}. */
	public String signerUrl() {
		return baseUrl() + SIGN_PATH;
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			route(exchange);
		}
	}

	private void route(HttpExchange exchange) throws IOException {
		try {
			String path = exchange.getRequestURI().getPath();
			switch (path) {
				case DemoCa.OCSP_PATH -> {
					if (allowed(exchange, "POST")) {
						ocsp(exchange);
					}
				}
				case DemoCa.CRL_PATH -> {
					if (allowed(exchange, "GET")) {
						send(exchange, 200, "application/pkix-crl", ca.crl());
					}
				}
				case "/ca/root.pem", "/ca/intermediate.pem" -> {
					if (allowed(exchange, "GET")) {
						send(exchange, 200, "application/x-pem-file",
								Files.readAllBytes(path.endsWith("root.pem") ? ca.rootPem() : ca.intermediatePem()));
					}
				}
				case SIGN_PATH, REVOKE_PATH -> {
					if (exchange.getRequestHeaders().containsKey("Origin")) {
						problem(exchange, 403, "Forbidden", "pages sign with the demo NCALayer; this signer is for scripts");
					}
					else if (allowed(exchange, "POST")) {
						if (SIGN_PATH.equals(path)) {
							sign(exchange);
						}
						else {
							revoke(exchange);
						}
					}
				}
				default -> problem(exchange, 404, "Not Found", "no such path on the NCA simulator");
			}
		}
		catch (RuntimeException ex) {
			System.err.println("NCA simulator: " + exchange.getRequestURI() + " failed: " + ex);
			if (exchange.getResponseCode() == -1) { // nothing sent yet
				problem(exchange, 500, "Internal Server Error", "the simulator failed; see the launcher's output");
			}
		}
	}

	private void ocsp(HttpExchange exchange) throws IOException {
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		if (type == null || !type.trim().toLowerCase().startsWith("application/ocsp-request")) {
			problem(exchange, 415, "Unsupported Media Type", "an OCSP request is application/ocsp-request");
			return;
		}
		byte[] request = body(exchange, MAX_OCSP_REQUEST);
		if (request != null) {
			exchange.getResponseHeaders().set("Cache-Control", "no-store");
			send(exchange, 200, "application/ocsp-response", ca.ocsp(request));
		}
	}

	private void sign(HttpExchange exchange) throws IOException {
		JsonNode request = jsonBody(exchange);
		if (request == null) {
			return;
		}
		String iin = iin(exchange, request);
		if (iin == null) {
			return;
		}
		JsonNode content = request.path("contentBase64");
		if (!content.isString()) {
			problem(exchange, 400, "Bad Request", "contentBase64: the content to sign, in Base64, is missing");
			return;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(content.asString());
		}
		catch (IllegalArgumentException ex) {
			problem(exchange, 400, "Bad Request", "contentBase64: not Base64");
			return;
		}
		byte[] cms = ca.sign(iin, bytes);
		send(exchange, 200, "application/json", json.writeValueAsBytes(
				new Signed(Base64.getEncoder().encodeToString(cms), DemoCa.pem(ca.certificate(iin)))));
	}

	private void revoke(HttpExchange exchange) throws IOException {
		JsonNode request = jsonBody(exchange);
		String iin = request == null ? null : iin(exchange, request);
		if (iin == null) {
			return;
		}
		BigInteger serial;
		try {
			serial = ca.revoke(iin);
		}
		catch (IllegalArgumentException ex) {
			problem(exchange, 404, "Not Found", "iin: the demo CA has no current certificate for this IIN");
			return;
		}
		send(exchange, 200, "application/json", json.writeValueAsBytes(new Revoked(serial.toString(16))));
	}

	/** The answer of the signer: what NCALayer gives the page. */
	record Signed(String cmsBase64, String certificate) {
	}

	record Revoked(String serialNumber) {
	}

	record Problem(String type, String title, int status, String detail) {
	}

	private @Nullable JsonNode jsonBody(HttpExchange exchange) throws IOException {
		byte[] body = body(exchange, MAX_JSON_REQUEST);
		if (body == null) {
			return null;
		}
		try {
			JsonNode request = json.readTree(body);
			if (request != null && request.isObject()) {
				return request;
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		problem(exchange, 400, "Bad Request", "the body is not a JSON object");
		return null;
	}

	private @Nullable String iin(HttpExchange exchange, JsonNode request) throws IOException {
		JsonNode iin = request.path("iin");
		if (!iin.isString() || !Iin.isValid(iin.asString())) {
			problem(exchange, 400, "Bad Request", "iin: not a valid IIN (12 digits with the check digit)");
			return null;
		}
		return iin.asString();
	}

	/** The request body, or null when it is over {@code limit} bytes (answered 413). */
	private byte @Nullable [] body(HttpExchange exchange, int limit) throws IOException {
		byte[] body = exchange.getRequestBody().readNBytes(limit + 1);
		if (body.length > limit) {
			problem(exchange, 413, "Content Too Large", "the body is over " + limit + " bytes");
			return null;
		}
		return body;
	}

	/** Whether the method is the path's; else answers 405. */
	private boolean allowed(HttpExchange exchange, String method) throws IOException {
		String actual = exchange.getRequestMethod();
		if (method.equals(actual) || ("GET".equals(method) && "HEAD".equals(actual))) {
			return true;
		}
		exchange.getResponseHeaders().set("Allow", "GET".equals(method) ? "GET, HEAD" : method);
		problem(exchange, 405, "Method Not Allowed", "use " + method);
		return false;
	}

	private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
		send(exchange, status, "application/problem+json",
				json.writeValueAsBytes(new Problem("about:blank", title, status, detail)));
	}

	private static void send(HttpExchange exchange, int status, @Nullable String contentType, byte[] body) throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
		boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status, empty ? -1 : body.length);
		if (!empty) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}
}
