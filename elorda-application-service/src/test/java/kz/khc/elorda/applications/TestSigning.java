package kz.khc.elorda.applications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import kz.khc.elorda.signature.TestCa;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Applicants sign as with NCALayer, with keys of a CA the tests make and the service alone trusts, dated by the
 * test's clock. The revocation status comes from the CA's CRL (its OCSP responder answers nothing, and is asked
 * once), served by WireMock as the national CA's would be.
 */
public final class TestSigning {

	private static final Pattern CONTENT = Pattern.compile("\"content\"\\s*:\\s*\"([^\"]+)\"");

	private final WireMockServer revocation = new WireMockServer(options().dynamicPort());
	private final TestCa ca;
	private List<TestCa.Holder> revoked = List.of();
	private boolean down;

	public TestSigning(Clock clock) {
		revocation.start();
		ca = TestCa.following("Test NCA", URI.create(revocation.baseUrl()), clock);
	}

	/** The service's signature settings for this CA. */
	public void properties(DynamicPropertyRegistry registry) {
		registry.add("elorda.signature.trusted-roots", () -> pemFile(ca.rootPem()));
		registry.add("elorda.signature.intermediates", () -> pemFile(ca.intermediatePem()));
		registry.add("elorda.signature.attempts", () -> "1");
	}

	/**
	 * The submission as the applicant's browser sends it: the content to sign fetched and signed as with NCALayer. A
	 * draft that cannot be submitted has no content to sign; its submission, with a signature of nothing, is refused
	 * for the same reason before any signature is looked at.
	 */
	public MockHttpServletRequestBuilder submission(MockMvc mvc, String id, RequestPostProcessor citizen, String iin)
			throws Exception {
		MockHttpServletResponse toSign = mvc.perform(get("/api/elorda/v1/applications/" + id + "/signing-content")
			.with(citizen)).andReturn().getResponse();
		byte[] content = toSign.getStatus() == 200 ? Base64.getDecoder().decode(CONTENT.matcher(
				toSign.getContentAsString()).results().findFirst().orElseThrow().group(1)) : new byte[0];
		return post("/api/elorda/v1/applications/" + id + "/submission").with(citizen)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"signature\":\"" + sign(iin, content) + "\"}");
	}

	/** A new key of the person, valid from yesterday by the clock for a year. */
	TestCa.Holder key(String iin) {
		return ca.person(iin).issue();
	}

	/** The person's CMS over the content, base64, as NCALayer's {@code createCAdESFromBase64} returns it. */
	String sign(String iin, byte[] content) {
		return sign(key(iin), content);
	}

	String sign(TestCa.Holder key, byte[] content) {
		publishRevocations();
		return Base64.getEncoder().encodeToString(key.sign(content));
	}

	/** From now on the CRL lists these certificates (none: no longer any). */
	void revoke(TestCa.Holder... keys) {
		revoked = List.of(keys);
		publishRevocations();
	}

	/** Whether anyone can tell if a certificate is revoked: the CRL is served, or its connections are reset. */
	void revocationDown(boolean down) {
		this.down = down;
		publishRevocations();
	}

	/** The CRL as of the clock's time now. */
	private void publishRevocations() {
		revocation.stubFor(WireMock.get("/crl").willReturn(down ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
				: aResponse().withStatus(200)
					.withHeader("Content-Type", "application/pkix-crl")
					.withBody(ca.crl(revoked.toArray(TestCa.Holder[]::new)))));
	}

	private static String pemFile(String pem) {
		try {
			Path file = Files.createTempFile("test-nca-", ".pem");
			file.toFile().deleteOnExit();
			return "file:" + Files.writeString(file, pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
