package kz.khc.elorda.signature;

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

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SignatureProperties.class)
	@Import(Signatures.class)
	static class SignatureFeature {
	}
}
