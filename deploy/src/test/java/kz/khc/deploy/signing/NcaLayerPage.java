package kz.khc.deploy.signing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A page's connection to NCALayer (the demo one): what it sends, and the text messages it receives, in order. */
public record NcaLayerPage(WebSocket socket, BlockingQueue<String> received) {

	private static final HttpClient http = HttpClient.newHttpClient();
	private static final JsonMapper json = JsonMapper.builder().build();

	/** @param origin the page's origin, or null for a client that sends none */
	public static NcaLayerPage open(String url, @Nullable String origin) {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		WebSocket.Builder builder = http.newWebSocketBuilder();
		if (origin != null) {
			builder.header("Origin", origin);
		}
		WebSocket socket = builder.buildAsync(URI.create(url), new WebSocket.Listener() {
			private final StringBuilder text = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				text.append(data);
				if (last) {
					received.add(text.toString());
					text.setLength(0);
				}
				webSocket.request(1);
				return null;
			}
		}).join();
		return new NcaLayerPage(socket, received);
	}

	/** What the portal's page does: after the greeting, a detached CMS of the Base64 content with the IIN's key. */
	public String sign(String iin, String contentBase64) throws InterruptedException {
		next();
		JsonNode answer = json.readTree(ask("""
				{"module":"kz.gov.pki.knca.basics","method":"sign","args":{"format":"cms","data":"%s",\
				"signingParams":{"decode":true,"encapsulate":false},"signerParams":{"iin":"%s"},"locale":"ru"}}"""
			.formatted(contentBase64, iin)));
		assertThat(answer.path("status").asBoolean()).as(answer.toString()).isTrue();
		return answer.path("body").path("result").path(0).asString();
	}

	public String ask(String message) throws InterruptedException {
		socket.sendText(message, true).join();
		return next();
	}

	public String next() throws InterruptedException {
		String message = received.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("an answer within 10 s").isNotNull();
		return message;
	}
}
