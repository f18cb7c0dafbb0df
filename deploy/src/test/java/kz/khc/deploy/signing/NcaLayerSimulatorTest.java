package kz.khc.deploy.signing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static kz.khc.deploy.signing.DemoCaTest.IIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo NCALayer as a page meets it: NCALayer's WebSocket protocol, the basics module's {@code sign}. */
class NcaLayerSimulatorTest {

	private static final String GATEWAY = "http://localhost:8080";
	private static final HttpClient http = HttpClient.newHttpClient();
	private static final JsonMapper json = JsonMapper.builder().build();
	private static final byte[] CONTENT = "Өтініш / заявка EZ-2026-000042".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path directory;

	private DemoCa ca;
	private NcaLayerSimulator simulator;

	@BeforeEach
	void start() throws Exception {
		ca = DemoCa.open(directory, URI.create("http://127.0.0.1:" + DemoCaTest.freePort()), Map.of());
		simulator = NcaLayerSimulator.start(ca, DemoCaTest.freePort(), List.of(GATEWAY));
	}

	@AfterEach
	void stop() {
		simulator.close();
	}

	@Test
	void greetsWithItsVersionThenSignsTheDecodedDataAsTheNamedCitizenDetached() throws Exception {
		var page = Page.open(simulator, GATEWAY);
		assertThat(json.readTree(page.next()).path("result").path("version").asString()).isEqualTo("1.4");

		JsonNode answer = json.readTree(page.ask(sign(IIN, Base64.getEncoder().encodeToString(CONTENT), true, false)));

		assertThat(answer.path("status").asBoolean()).as(answer.toString()).isTrue();
		byte[] cms = Base64.getDecoder().decode(answer.path("body").path("result").path(0).asString());
		CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(CONTENT), cms);
		assertThat(signed.isDetachedSignature()).isTrue();
		SignerInformation signer = signed.getSignerInfos().iterator().next();
		assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider())
			.build(ca.certificate(IIN)))).isTrue();
	}

	@Test
	void withoutDecodeSignsTheTextItselfAndAnswersTheHeartbeat() throws Exception {
		var page = Page.open(simulator, null);
		page.next();

		assertThat(page.ask("--heartbeat--")).isEqualTo("--heartbeat--");
		JsonNode answer = json.readTree(page.ask(sign(IIN, "заявка", false, false)));
		byte[] cms = Base64.getDecoder().decode(answer.path("body").path("result").path(0).asString());
		SignerInformation signer = new CMSSignedData(new CMSProcessableByteArray("заявка".getBytes(StandardCharsets.UTF_8)), cms)
			.getSignerInfos().iterator().next();
		assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider())
			.build(ca.certificate(IIN)))).isTrue();
	}

	@Test
	void whatItCannotDoIsAnsweredAsNcaLayerRefusesAndTheConnectionStaysUsable() throws Exception {
		var page = Page.open(simulator, GATEWAY);
		page.next();

		assertRefused(page.ask("{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"getActiveTokens\"}"),
				"MODULE_NOT_FOUND", "basics");
		assertRefused(page.ask("{\"module\":\"kz.gov.pki.knca.basics\",\"method\":\"authenticate\"}"),
				"METHOD_NOT_FOUND", "sign");
		assertRefused(page.ask(sign("", "AQID", true, false)), "BAD_REQUEST", "signerParams.iin");
		assertRefused(page.ask(sign("651106450324", "AQID", true, false)), "BAD_REQUEST", "signerParams.iin");
		assertRefused(page.ask(sign(IIN, "not base64!", true, false)), "BAD_REQUEST", "args.data");
		assertRefused(page.ask(sign(IIN, "AQID", true, true)), "BAD_REQUEST", "encapsulate");
		assertRefused(page.ask(sign(IIN, "AQID", true, false).replace("\"cms\"", "\"xml\"")), "BAD_REQUEST", "format");
		assertRefused(page.ask("{\"module\":\"kz.gov.pki.knca.basics\",\"method\":\"sign\",\"args\":{\"format\":\"cms\","
				+ "\"signerParams\":{\"iin\":\"" + IIN + "\"}}}"), "BAD_REQUEST", "args.data");
		assertRefused(page.ask("sign it"), "BAD_REQUEST", "JSON");

		assertThat(json.readTree(page.ask(sign(IIN, "AQID", true, false))).path("status").asBoolean()).isTrue();
	}

	@Test
	void aPageFromAnotherOriginCannotConnect() {
		assertThatThrownBy(() -> Page.open(simulator, "http://localhost:3000"))
			.hasCauseInstanceOf(WebSocketHandshakeException.class);
	}

	private static String sign(String iin, String data, boolean decode, boolean encapsulate) {
		return """
				{"module":"kz.gov.pki.knca.basics","method":"sign","args":{"allowedStorages":["PKCS12"],"format":"cms",\
				"data":"%s","signingParams":{"decode":%s,"encapsulate":%s,"digested":false},\
				"signerParams":{"extKeyUsageOids":["1.3.6.1.5.5.7.3.4"],"iin":"%s","chain":[]},"locale":"kk"}}"""
			.formatted(data, decode, encapsulate, iin);
	}

	private static void assertRefused(String answer, String code, String message) {
		JsonNode refusal = json.readTree(answer);
		assertThat(refusal.path("status").asBoolean(true)).as(answer).isFalse();
		assertThat(refusal.path("code").asString()).isEqualTo(code);
		assertThat(refusal.path("message").asString()).contains(message);
	}

	/** A page's connection: what it sends, and the text messages it receives, in order. */
	private record Page(WebSocket socket, BlockingQueue<String> received) {

		static Page open(NcaLayerSimulator simulator, String origin) {
			BlockingQueue<String> received = new LinkedBlockingQueue<>();
			WebSocket.Builder builder = http.newWebSocketBuilder();
			if (origin != null) {
				builder.header("Origin", origin);
			}
			WebSocket socket = builder.buildAsync(URI.create(simulator.url()), new WebSocket.Listener() {
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
			return new Page(socket, received);
		}

		String ask(String message) throws InterruptedException {
			socket.sendText(message, true).join();
			return next();
		}

		String next() throws InterruptedException {
			String message = received.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("an answer within 10 s").isNotNull();
			return message;
		}
	}
}
