package kz.khc.deploy.signing;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static kz.khc.deploy.signing.DemoCaTest.IIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo signer and the CA's files over HTTP, as a page behind the gateway and a developer's curl meet them. */
class NcaSimulatorTest {

	private static final String GATEWAY = "http://localhost:8080";
	private static final HttpClient http = HttpClient.newHttpClient();
	private static final JsonMapper json = JsonMapper.builder().build();
	private static final byte[] CONTENT = "Өтініш / заявка EZ-2026-000042".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path directory;

	private DemoCa ca;
	private NcaSimulator simulator;

	@BeforeEach
	void start() throws Exception {
		int port = DemoCaTest.freePort();
		ca = DemoCa.open(directory, URI.create("http://127.0.0.1:" + port), Map.of());
		simulator = NcaSimulator.start(ca, port);
	}

	@AfterEach
	void stop() {
		simulator.close();
	}

	@Test
	void signsTheContentAsTheCitizenAndAnswersTheCmsAndTheCertificate() throws Exception {
		HttpResponse<String> answer = sign(null, """
				{"iin":"%s","contentBase64":"%s"}""".formatted(IIN, Base64.getEncoder().encodeToString(CONTENT)));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = json.readTree(answer.body());
		X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(body.path("certificate").asString().getBytes(StandardCharsets.US_ASCII)));
		assertThat(certificate).isEqualTo(ca.certificate(IIN));
		CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(CONTENT),
				Base64.getDecoder().decode(body.path("cmsBase64").asString()));
		SignerInformation signer = signed.getSignerInfos().iterator().next();
		assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider())
			.build(certificate))).isTrue();
	}

	@Test
	void noPageMayCallTheScriptsSigner() throws Exception {
		for (String origin : List.of(GATEWAY, "http://localhost:3000")) {
			HttpResponse<String> refused = sign(origin, """
					{"iin":"%s","contentBase64":"AQID"}""".formatted(IIN));
			assertProblem(refused, 403, "NCALayer");
			assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			assertThat(post(simulator.baseUrl() + NcaSimulator.REVOKE_PATH, origin, "{\"iin\":\"" + IIN + "\"}")
				.statusCode()).isEqualTo(403);
		}
	}

	@Test
	void aBadRequestIsA400ProblemNamingTheField() throws Exception {
		assertProblem(sign(null, "{\"iin\":\"651106450324\",\"contentBase64\":\"AQID\"}"), 400, "iin");
		assertProblem(sign(null, "{\"iin\":651106450323,\"contentBase64\":\"AQID\"}"), 400, "iin");
		assertProblem(sign(null, "{\"contentBase64\":\"AQID\"}"), 400, "iin");
		assertProblem(sign(null, "{\"iin\":\"" + IIN + "\"}"), 400, "contentBase64");
		assertProblem(sign(null, "{\"iin\":\"" + IIN + "\",\"contentBase64\":\"not base64!\"}"), 400, "contentBase64");
		assertProblem(sign(null, "[]"), 400, "JSON object");
		assertProblem(sign(null, "iin=1"), 400, "JSON object");
		assertProblem(http.send(HttpRequest.newBuilder(URI.create(simulator.signerUrl())).GET().build(),
				HttpResponse.BodyHandlers.ofString()), 405, "POST");
		assertProblem(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/nope")).GET().build(),
				HttpResponse.BodyHandlers.ofString()), 404, "no such path");
	}

	@Test
	void revokesTheCitizensCurrentCertificateOnce() throws Exception {
		X509Certificate certificate = ca.certificate(IIN);

		HttpResponse<String> revoked = post(simulator.baseUrl() + NcaSimulator.REVOKE_PATH, "{\"iin\":\"" + IIN + "\"}");
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(json.readTree(revoked.body()).path("serialNumber").asString())
			.isEqualTo(certificate.getSerialNumber().toString(16));

		assertProblem(post(simulator.baseUrl() + NcaSimulator.REVOKE_PATH, "{\"iin\":\"" + IIN + "\"}"), 404, "iin");
		assertProblem(post(simulator.baseUrl() + NcaSimulator.REVOKE_PATH, "{\"iin\":\"1\"}"), 400, "iin");
	}

	@Test
	void servesTheCaCertificatesToImport() throws Exception {
		HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/ca/root.pem"))
			.GET().build(), HttpResponse.BodyHandlers.ofString());

		assertThat(root.statusCode()).isEqualTo(200);
		assertThat(root.body()).isEqualTo(Files.readString(ca.rootPem()));
		assertThat(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/ca/intermediate.pem")).GET()
			.build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(Files.readString(ca.intermediatePem()));
	}

	private HttpResponse<String> sign(@Nullable String origin, String body) throws Exception {
		return post(simulator.signerUrl(), origin, body);
	}

	private static HttpResponse<String> post(String url, String body) throws Exception {
		return post(url, null, body);
	}

	private static HttpResponse<String> post(String url, @Nullable String origin, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (origin != null) {
			request.header("Origin", origin);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).contains(detail);
	}
}
