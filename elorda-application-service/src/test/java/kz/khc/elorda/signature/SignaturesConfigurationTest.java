package kz.khc.elorda.signature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import kz.khc.contracts.Iin;
import kz.khc.elorda.signature.SignatureRefused.Reason;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The {@link Signatures} bean is made from {@code elorda.signature.*}: its roots, timeouts and attempts. */
class SignaturesConfigurationTest {

	private final WireMockServer responder = new WireMockServer(options().dynamicPort());

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(SignatureFeature.class)
		.withBean(Clock.class, Clock::systemUTC);

	@AfterEach
	void stopResponder() {
		responder.stop();
	}

	@Test
	void theDefaultsTrustNothingAndAskThreeTimes() {
		context.run(started -> {
			SignatureProperties properties = started.getBean(SignatureProperties.class);
			assertThat(properties.trustedRoots()).isEmpty();
			assertThat(properties.intermediates()).isEmpty();
			assertThat(properties.attempts()).isEqualTo(3);
			assertThat(properties.ocspTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.crlTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.backoff()).isEqualTo(Duration.ofMillis(200));
		});
	}

	@Test
	void theBeanTrustsTheConfiguredRootFileAndAsksTheConfiguredNumberOfTimes(@TempDir Path directory)
			throws Exception {
		responder.start();
		TestCa ca = TestCa.create("Configured CA", URI.create(responder.baseUrl()));
		Path root = Files.writeString(directory.resolve("root.pem"), ca.rootPem());
		TestCa.Holder applicant = ca.person("651106450323").issue();
		byte[] content = "application".getBytes(StandardCharsets.UTF_8);
		responder.stubFor(post("/ocsp").willReturn(serverError()));
		responder.stubFor(get("/crl").willReturn(serverError()));

		context
			.withPropertyValues("elorda.signature.trusted-roots=file:" + root, "elorda.signature.attempts=2",
					"elorda.signature.backoff=1ms", "elorda.signature.ocsp-timeout=1s",
					"elorda.signature.crl-timeout=1s")
			.run(started -> {
				Signatures signatures = started.getBean(Signatures.class);
				// it gets as far as revocation only when the root was read from the file
				assertThatExceptionOfType(SignatureRefused.class)
					.isThrownBy(() -> signatures.verify(content, applicant.sign(content), new Iin("651106450323")))
					.extracting(SignatureRefused::reason)
					.isEqualTo(Reason.REVOCATION_UNKNOWN);
			});

		assertThat(responder.countRequestsMatching(postRequestedFor(urlEqualTo("/ocsp")).build()).getCount())
			.isEqualTo(2);
		assertThat(responder.countRequestsMatching(getRequestedFor(urlEqualTo("/crl")).build()).getCount())
			.isEqualTo(2);
	}

	/**
	 * The local run (deploy's {@code LocalSuite}) names its demo CA's files in environment variables, as file URIs;
	 * NCALayer's signatures carry only the signer's certificate, so the intermediate comes from its file.
	 */
	@Test
	void theLocalRunsEnvironmentVariablesNameTheRootAndTheIntermediateFiles(@TempDir Path directory) throws Exception {
		responder.start();
		TestCa ca = TestCa.create("Demo CA", URI.create(responder.baseUrl()));
		Path root = Files.writeString(directory.resolve("root.pem"), ca.rootPem());
		Path intermediate = Files.writeString(directory.resolve("intermediate.pem"), ca.intermediatePem());
		TestCa.Holder applicant = ca.person("651106450323").issue();
		byte[] content = "application".getBytes(StandardCharsets.UTF_8);
		responder.stubFor(post("/ocsp").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/ocsp-response")
			.withBody(ca.ocspGood(applicant))));

		context.withInitializer(started -> started.getEnvironment().getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("ELORDA_SIGNATURE_TRUSTEDROOTS", root.toUri().toString(),
									"ELORDA_SIGNATURE_INTERMEDIATES", intermediate.toUri().toString()))))
			.run(started -> assertThat(started.getBean(Signatures.class)
				.verify(content, applicant.signAlone(content), new Iin("651106450323"))
				.signerIin()).isEqualTo("651106450323"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SignatureProperties.class)
	@Import(Signatures.class)
	static class SignatureFeature {
	}
}
