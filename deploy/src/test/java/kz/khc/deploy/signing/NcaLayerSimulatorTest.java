package kz.khc.deploy.signing;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
		var page = NcaLayerPage.open(simulator.url(), GATEWAY);
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
		var page = NcaLayerPage.open(simulator.url(), null);
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
		var page = NcaLayerPage.open(simulator.url(), GATEWAY);
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
		assertThatThrownBy(() -> NcaLayerPage.open(simulator.url(), "http://localhost:3000"))
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
}
