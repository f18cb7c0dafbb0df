package kz.khc.deploy.providers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.TemplateModelDataProviderExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	private final WireMockServer server;
	private final JsonMapper json = JsonMapper.builder().build();

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
				answer == null ? "" : answer.path("code").asString(""));
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

	@Override
	public void close() {
		server.stop();
	}

	/**
	 * One send request.
	 *
	 * @param to           the recipient as sent, {@code 77011234567}
	 * @param messageId    our message id ({@code params.name}), which the simulator also answers as its own
	 * @param httpStatus   the simulator's HTTP status: 200, or 401 without the right API key
	 * @param providerCode the answer's {@code code}: {@code 0} taken, {@code 1} invalid, {@code AUTH}
	 */
	public record Sms(Instant at, String to, String from, String text, @Nullable String messageId, int httpStatus,
			String providerCode) {

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
