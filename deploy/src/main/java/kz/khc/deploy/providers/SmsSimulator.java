package kz.khc.deploy.providers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.TemplateModelDataProviderExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The SMS provider as WireMock, with the stubs in {@code deploy/sms-simulator/mappings}: it takes a message sent
 * with the right {@code X-API-Key}, answers with our message id as its own, and a second later posts a delivery
 * receipt ({@code DELIVRD}) to the receipt URL with the receipt token. Both differ per run, so the stubs read them as
 * {@code {{suite.receiptUrl}}} and {@code {{suite.receiptToken}}}.
 * <p>
 * Listens on 127.0.0.1 only; WireMock's admin API is at {@code /__admin} (e.g. {@code /__admin/requests}).
 */
public final class SmsSimulator implements AutoCloseable {

	/** Local demo secrets; also notification-service's defaults, and the key is in the stubs. */
	public static final String API_KEY = "sms-local-demo-key";
	public static final String RECEIPT_TOKEN = "sms-receipts-local-demo-token";

	static final String SEND_PATH = "/service/message/sendsmsmessage";
	private static final int JOURNAL_SIZE = 2000;

	/** The stub that takes a valid message ({@code mappings/send-sms.json}): a slow provider answers as it does. */
	private static final String TAKEN_STUB = "send an SMS: taken, and delivered a second later";

	private final WireMockServer server;
	private final JsonMapper json = JsonMapper.builder().build();
	/** The stubs {@link #fail} and {@link #slowDown} added over the normal ones, removed by {@link #heal()}. */
	private final List<UUID> faults = new CopyOnWriteArrayList<>();

	private SmsSimulator(WireMockServer server) {
		this.server = server;
	}

	/**
	 * @param directory  holds {@code mappings/} with the stubs
	 * @param receiptUrl where the delivery receipts go: the notification service's receipt endpoint
	 */
	public static SmsSimulator start(Path directory, int port, URI receiptUrl) {
		if (!Files.isDirectory(directory.resolve("mappings"))) {
			throw new IllegalStateException("No SMS simulator stubs in " + directory.resolve("mappings"));
		}
		var server = new WireMockServer(options().bindAddress("127.0.0.1")
			.port(port)
			.usingFilesUnderDirectory(directory.toString())
			.maxRequestJournalEntries(JOURNAL_SIZE)
			.containerThreads(16)
			.notifier(new Slf4jNotifier(false))
			.extensions(new SuiteValues(receiptUrl.toString(), RECEIPT_TOKEN)));
		server.start();
		if (server.listAllStubMappings().getMappings().isEmpty()) {
			server.stop();
			throw new IllegalStateException("The SMS simulator loaded no stubs from " + directory.resolve("mappings"));
		}
		return new SmsSimulator(server);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.port();
	}

	/** Every send request the simulator got (kept: the last 2000 requests of any kind), newest first. */
	public List<Sms> received() {
		return server.getAllServeEvents()
			.stream()
			.filter(event -> "POST".equals(event.getRequest().getMethod().getName())
					&& SEND_PATH.equals(URI.create(event.getRequest().getUrl()).getPath()))
			.map(this::sms)
			.toList();
	}

	private Sms sms(ServeEvent event) {
		JsonNode request = tree(event.getRequest().getBodyAsString());
		JsonNode answer = event.getResponse() == null ? null : tree(event.getResponse().getBodyAsString());
		return new Sms(event.getRequest().getLoggedDate().toInstant(), text(request, "recipient"),
				text(request, "from"), text(request, "text"),
				request == null ? null : nonBlank(request.path("params").path("name").asString("")),
				event.getResponse() == null ? 0 : event.getResponse().getStatus(),
				answer == null ? "" : answer.path("code").asString(""),
				event.getResponseDefinition() != null && event.getResponseDefinition().getFixedDelayMilliseconds() != null
						&& event.getResponseDefinition().getFixedDelayMilliseconds() > 0);
	}

	private @Nullable JsonNode tree(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String text(@Nullable JsonNode node, String field) {
		return node == null ? "" : node.path(field).asString("");
	}

	private static @Nullable String nonBlank(String value) {
		return value.isBlank() ? null : value;
	}

	/**
	 * From now on every send request gets this fault instead of an answer (the fault tests; {@link #heal()} ends it).
	 * Other requests (the captcha) are answered as before.
	 */
	public void fail(Fault fault) {
		ResponseDefinitionBuilder answer = switch (fault) {
			case SERVER_ERROR -> aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json;charset=UTF-8")
				.withBody("{\"code\":\"INTERNAL\",\"message\":\"Internal server error\"}");
			case CONNECTION_RESET -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
			case EMPTY_RESPONSE -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
		};
		faults.add(server.stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(0)
			.withName("fault: " + fault)
			.willReturn(answer)).getId());
	}

	/**
	 * From now on the provider takes each valid message as usual — the same answer, the same receipt — but answers only
	 * after {@code delay}: a caller that gives up sooner does not know it was taken.
	 */
	public void slowDown(Duration delay) {
		StubMapping taken = server.getStubMappings().stream()
			.filter(stub -> TAKEN_STUB.equals(stub.getName()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no stub named '" + TAKEN_STUB + "'"));
		StubMapping slow = StubMapping.buildFrom(StubMapping.buildJsonStringFor(taken));
		UUID id = UUID.randomUUID();
		slow.setId(id);
		slow.setUuid(id);
		slow.setName("fault: slow, " + delay.toMillis() + " ms");
		slow.setPriority(0);
		slow.setPersistent(false);
		slow.setResponse(ResponseDefinitionBuilder.like(taken.getResponse()).withFixedDelay((int) delay.toMillis()).build());
		server.addStubMapping(slow);
		faults.add(id);
	}

	/** Back to the stubs of {@code mappings/}: every fault added by {@link #fail} or {@link #slowDown} removed. */
	public void heal() {
		for (UUID fault : faults) {
			server.removeStubMapping(fault);
			faults.remove(fault);
		}
	}

	@Override
	public void close() {
		server.stop();
	}

	/** What a failing provider does with a send request. */
	public enum Fault {
		/** HTTP 500 with an error body. */
		SERVER_ERROR,
		/** The connection reset by the peer before any answer. */
		CONNECTION_RESET,
		/** The connection closed without a byte of answer. */
		EMPTY_RESPONSE
	}

	/**
	 * One send request.
	 *
	 * @param to           the recipient as sent, {@code 77011234567}
	 * @param messageId    our message id ({@code params.name}), which the simulator also answers as its own
	 * @param httpStatus   the simulator's HTTP status: 200, or 401 without the right API key
	 * @param providerCode the answer's {@code code}: {@code 0} taken, {@code 1} invalid, {@code AUTH}
	 * @param late         answered only after a delay ({@link #slowDown}): the sender may have given up waiting
	 */
	public record Sms(Instant at, String to, String from, String text, @Nullable String messageId, int httpStatus,
			String providerCode, boolean late) {

		public boolean accepted() {
			return httpStatus == 200 && "0".equals(providerCode);
		}
	}

	/** The per-run values the stubs' templates read as {@code {{suite.*}}}, in responses and webhooks alike. */
	private record SuiteValues(String receiptUrl, String receiptToken) implements TemplateModelDataProviderExtension {

		@Override
		public Map<String, Object> provideTemplateModelData(ServeEvent serveEvent) {
			return Map.of("suite", Map.of("receiptUrl", receiptUrl, "receiptToken", receiptToken));
		}

		@Override
		public String getName() {
			return "suite-values";
		}
	}
}
