package kz.khc.deploy.signing;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kz.khc.contracts.Iin;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * NCALayer's stand-in for the local run: the same WebSocket protocol a citizen's NCALayer speaks on
 * {@code wss://127.0.0.1:13579}, so that the portal's page is the same with either. On connection it greets with
 * {@code {"result":{"version":"1.4"}}}; it answers {@code --heartbeat--} in kind, and the {@code kz.gov.pki.knca.basics}
 * module's {@code sign} request:
 * <pre>{"module":"kz.gov.pki.knca.basics","method":"sign","args":{"format":"cms","data":"&lt;Base64&gt;",
 *   "signingParams":{"decode":true,"encapsulate":false},"signerParams":{"iin":"…"},"locale":"ru"}}</pre>
 * with {@code {"status":true,"body":{"result":["<CMS in Base64>"]}}}, or {@code {"status":false,"code":"…",
 * "message":"…","details":"…"}} when it cannot.
 * <p>
 * NCALayer lets the citizen choose a key file and type its password, offering only the keys of
 * {@code signerParams.iin} when the page names one. The demo has no window to choose in: it signs with the demo CA's
 * key of that IIN, so the page must name it (the portal does: an application is signed by its applicant). Only the
 * gateway's pages may connect (their {@code Origin}), or a client that sends none (a test).
 */
public final class NcaLayerSimulator extends WebSocketServer implements AutoCloseable {

	/** What NCALayer 1.4 says on connection; pages read the version from it. */
	static final String GREETING = "{\"result\":{\"version\":\"1.4\"}}";
	static final String HEARTBEAT = "--heartbeat--";
	static final String BASICS = "kz.gov.pki.knca.basics";
	/** A page's data to sign, in Base64: an application's canonical form is kilobytes. */
	private static final int MAX_MESSAGE = 8 * 1024 * 1024;

	private final DemoCa ca;
	private final Set<String> allowedOrigins;
	private final JsonMapper json = JsonMapper.builder().build();
	private final CompletableFuture<Void> started = new CompletableFuture<>();

	private NcaLayerSimulator(DemoCa ca, int port, Set<String> allowedOrigins) {
		super(new InetSocketAddress("127.0.0.1", port), List.<Draft>of(new Draft_6455(List.of(), MAX_MESSAGE)));
		this.ca = ca;
		this.allowedOrigins = allowedOrigins;
		setReuseAddr(true);
		setDaemon(true);
	}

	/**
	 * @param allowedOrigins the web origins whose pages may connect, e.g. {@code http://localhost:8080}
	 */
	public static NcaLayerSimulator start(DemoCa ca, int port, Collection<String> allowedOrigins) {
		var simulator = new NcaLayerSimulator(ca, port, Set.copyOf(allowedOrigins));
		simulator.start();
		try {
			simulator.started.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			simulator.close();
			throw new IllegalStateException("the demo NCALayer cannot listen on 127.0.0.1:" + port, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return simulator;
	}

	/** Where a page connects: {@code ws://127.0.0.1:<port>}. */
	public String url() {
		return "ws://127.0.0.1:" + getPort();
	}

	@Override
	public void close() {
		try {
			stop(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket connection, Draft draft,
			ClientHandshake request) throws InvalidDataException {
		String origin = request.getFieldValue("Origin");
		if (!origin.isEmpty() && !allowedOrigins.contains(origin)) {
			throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "this origin may not use the demo NCALayer");
		}
		return super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
	}

	@Override
	public void onStart() {
		started.complete(null);
	}

	@Override
	public void onOpen(WebSocket connection, ClientHandshake handshake) {
		connection.send(GREETING);
	}

	@Override
	public void onMessage(WebSocket connection, String message) {
		connection.send(HEARTBEAT.equals(message) ? HEARTBEAT : answer(message));
	}

	@Override
	public void onClose(WebSocket connection, int code, String reason, boolean remote) {
	}

	@Override
	public void onError(@Nullable WebSocket connection, Exception ex) {
		if (connection == null) { // the server itself: cannot bind
			started.completeExceptionally(ex);
		}
		else {
			System.err.println("demo NCALayer: " + ex);
		}
	}

	String answer(String message) {
		JsonNode request;
		try {
			request = json.readTree(message);
		}
		catch (JacksonException ex) {
			return refusal("BAD_REQUEST", "the request is not JSON");
		}
		if (request == null || !BASICS.equals(request.path("module").asString(""))) {
			return refusal("MODULE_NOT_FOUND", "the demo NCALayer has the " + BASICS + " module only");
		}
		if (!"sign".equals(request.path("method").asString(""))) {
			return refusal("METHOD_NOT_FOUND", "the demo NCALayer's " + BASICS + " module can only sign");
		}
		JsonNode args = request.path("args");
		if (!"cms".equals(args.path("format").asString(""))) {
			return refusal("BAD_REQUEST", "args.format: the demo NCALayer makes CMS signatures only (\"cms\")");
		}
		String iin = args.path("signerParams").path("iin").asString("");
		if (!Iin.isValid(iin)) {
			return refusal("BAD_REQUEST", "args.signerParams.iin: the demo NCALayer signs with the key of the IIN the page names");
		}
		JsonNode data = args.path("data");
		if (!data.isString()) {
			return refusal("BAD_REQUEST", "args.data: the data to sign is missing");
		}
		JsonNode params = args.path("signingParams");
		if (params.path("encapsulate").asBoolean(false)) {
			return refusal("BAD_REQUEST", "args.signingParams.encapsulate: the demo NCALayer makes detached signatures only");
		}
		byte[] content;
		if (params.path("decode").asBoolean(false)) {
			try {
				content = Base64.getDecoder().decode(data.asString());
			}
			catch (IllegalArgumentException ex) {
				return refusal("BAD_REQUEST", "args.data: not Base64, though signingParams.decode is true");
			}
		}
		else {
			content = data.asString().getBytes(StandardCharsets.UTF_8);
		}
		String cms = Base64.getEncoder().encodeToString(ca.sign(iin, content));
		return json.writeValueAsString(new Signed(true, new Body(List.of(cms))));
	}

	private String refusal(String code, String message) {
		return json.writeValueAsString(new Refused(false, code, message, ""));
	}

	record Signed(boolean status, Body body) {
	}

	record Body(List<String> result) {
	}

	record Refused(boolean status, String code, String message, String details) {
	}
}
