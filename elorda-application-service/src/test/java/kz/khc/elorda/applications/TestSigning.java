package kz.khc.elorda.applications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import kz.khc.elorda.signature.TestCa;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Applicants sign as with NCALayer, with keys of a CA the tests make and the service alone trusts, dated by the
 * test's clock. The revocation status comes from the CA's CRL (its OCSP responder answers nothing, and is asked
 * once), served by WireMock as the national CA's would be.
 */
final class TestSigning {

	private final WireMockServer revocation = new WireMockServer(options().dynamicPort());
	private final TestCa ca;
	private List<TestCa.Holder> revoked = List.of();
	private boolean down;

	TestSigning(Clock clock) {
		revocation.start();
		ca = TestCa.following("Test NCA", URI.create(revocation.baseUrl()), clock);
	}

	/** The service's signature settings for this CA. */
	void properties(DynamicPropertyRegistry registry) {
		registry.add("elorda.signature.trusted-roots", () -> pemFile(ca.rootPem()));
		registry.add("elorda.signature.intermediates", () -> pemFile(ca.intermediatePem()));
		registry.add("elorda.signature.attempts", () -> "1");
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
		revocation.stubFor(get("/crl").willReturn(down ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
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
