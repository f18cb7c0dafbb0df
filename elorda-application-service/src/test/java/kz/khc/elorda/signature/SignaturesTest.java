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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import kz.khc.contracts.Iin;
import kz.khc.elorda.signature.SignatureEvidence.Source;
import kz.khc.elorda.signature.SignatureRefused.Reason;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The signature checks against a CA made by the test ({@link TestCa}) and its OCSP responder and CRL served by
 * WireMock, without Spring.
 */
class SignaturesTest {

	private static final Iin APPLICANT = new Iin("651106450323");
	private static final Iin SOMEONE_ELSE = new Iin("900315300010");
	private static final byte[] APPLICATION = "{\"number\":\"EZ-2026-000042\",\"category\":\"HEALTHCARE\"}"
		.getBytes(StandardCharsets.UTF_8);
	private static final int ATTEMPTS = 3;

	private static final WireMockServer responder = new WireMockServer(options().dynamicPort());
	private static TestCa ca;
	private static TestCa stranger;
	private static TestCa.Holder applicant;

	private Signatures signatures;

	@BeforeAll
	static void startResponderAndCas() {
		responder.start();
		ca = TestCa.create("Test NCA", URI.create(responder.baseUrl()));
		stranger = TestCa.create("Stranger CA", URI.create(responder.baseUrl()));
		applicant = ca.person(APPLICANT.value()).issue();
	}

	@AfterAll
	static void stopResponder() {
		responder.stop();
	}

	@BeforeEach
	void freshVerifier() {
		responder.resetAll();
		signatures = signatures(List.of());
	}

	private static Signatures signatures(List<Resource> intermediates) {
		return new Signatures(new SignatureProperties(List.of(pem(ca.rootPem())), intermediates,
				Duration.ofMillis(500), Duration.ofMillis(500), ATTEMPTS, Duration.ofMillis(1)), Clock.systemUTC());
	}

	private static Resource pem(String pem) {
		return new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII));
	}

	private static void ocspAnswers(byte[] response) {
		responder.stubFor(post("/ocsp").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/ocsp-response")
			.withBody(response)));
	}

	private static void ocspDown() {
		responder.stubFor(post("/ocsp").willReturn(serverError()));
	}

	private static void crlServes(byte[] crl) {
		responder.stubFor(get("/crl").willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/pkix-crl").withBody(crl)));
	}

	private static void crlDown() {
		responder.stubFor(get("/crl").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

	private SignatureRefused refusal(byte[] content, byte[] cms, Iin expected) {
		return assertThatExceptionOfType(SignatureRefused.class)
			.isThrownBy(() -> signatures.verify(content, cms, expected))
			.actual();
	}

	private static int ocspRequests() {
		return responder.countRequestsMatching(postRequestedFor(urlEqualTo("/ocsp")).build()).getCount();
	}

	private static int crlRequests() {
		return responder.countRequestsMatching(getRequestedFor(urlEqualTo("/crl")).build()).getCount();
	}

	@Test
	void aValidDetachedSignatureIsAcceptedWithTheOcspResponseAsEvidence() {
		byte[] ocsp = ca.ocspGood(applicant);
		ocspAnswers(ocsp);

		SignatureEvidence evidence = signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT);

		assertThat(evidence.signerIin()).isEqualTo(APPLICANT.value());
		assertThat(evidence.subjectDn()).contains("SERIALNUMBER=IIN" + APPLICANT.value()).contains("C=KZ");
		assertThat(evidence.issuerDn()).isEqualTo("CN=Test NCA (RSA),O=Test,C=KZ");
		assertThat(evidence.certificateSerial()).isEqualTo(applicant.certificate().getSerialNumber().toString(16));
		assertThat(evidence.notBefore()).isEqualTo(applicant.certificate().getNotBefore().toInstant());
		assertThat(evidence.notAfter()).isEqualTo(applicant.certificate().getNotAfter().toInstant());
		assertThat(evidence.signingTime()).isBetween(Instant.now().minusSeconds(60), Instant.now());
		assertThat(evidence.verifiedAt()).isAfterOrEqualTo(evidence.signingTime());
		assertThat(evidence.digestAlgorithm()).isEqualTo("SHA-256");
		assertThat(evidence.signatureAlgorithm()).isEqualTo("SHA256withRSA");
		assertThat(evidence.revocation().source()).isEqualTo(Source.OCSP);
		assertThat(evidence.revocation().url()).isEqualTo(responder.baseUrl() + "/ocsp");
		assertThat(evidence.revocation().ocspResponse()).isEqualTo(ocsp);
		assertThat(evidence.revocation().crlNumber()).isNull();
		assertThat(ocspRequests()).isEqualTo(1);
		assertThat(crlRequests()).isZero();
	}

	@Test
	void anAttachedSignatureIsAcceptedWhenItHoldsExactlyTheApplication() {
		ocspAnswers(ca.ocspGood(applicant));

		assertThat(signatures.verify(APPLICATION, applicant.signAttached(APPLICATION), APPLICANT).signerIin())
			.isEqualTo(APPLICANT.value());

		byte[] other = "{\"number\":\"EZ-2026-000043\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(APPLICATION, applicant.signAttached(other), APPLICANT).reason())
			.isEqualTo(Reason.SIGNATURE_INVALID);
	}

	@Test
	void oneChangedByteInvalidatesTheSignature() {
		ocspAnswers(ca.ocspGood(applicant));
		byte[] cms = applicant.sign(APPLICATION);
		byte[] changed = APPLICATION.clone();
		changed[changed.length - 3] ^= 1;

		assertThat(refusal(changed, cms, APPLICANT).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
		assertThat(ocspRequests()).as("nothing is asked about a signature that does not verify").isZero();
	}

	@Test
	void aChangedByteInTheSignatureValueInvalidatesIt() {
		ocspAnswers(ca.ocspGood(applicant));
		byte[] cms = applicant.sign(APPLICATION);
		// the RSA signature value is the last 256 bytes of the SignerInfo, which ends the CMS
		cms[cms.length - 10] ^= 1;

		assertThat(refusal(APPLICATION, cms, APPLICANT).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
	}

	@Test
	void whatIsNotACmsSignatureIsMalformed() {
		assertThat(refusal(APPLICATION, "not a signature".getBytes(StandardCharsets.UTF_8), APPLICANT).reason())
			.isEqualTo(Reason.MALFORMED);
		assertThat(refusal(APPLICATION, new byte[0], APPLICANT).reason()).isEqualTo(Reason.MALFORMED);
	}

	@Test
	void aSignatureWithTwoSignersIsMalformed() {
		TestCa.Holder second = ca.person(SOMEONE_ELSE.value()).ecdsa().issue();

		assertThat(refusal(APPLICATION, applicant.signTogetherWith(second, APPLICATION), APPLICANT).reason())
			.isEqualTo(Reason.MALFORMED);
	}

	@Test
	void ecdsaKeysAreAccepted() {
		TestCa.Holder ecdsa = ca.person(APPLICANT.value()).ecdsa().issue();
		ocspAnswers(ca.ocspGood(ecdsa));

		SignatureEvidence evidence = signatures.verify(APPLICATION, ecdsa.sign(APPLICATION), APPLICANT);

		assertThat(evidence.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
	}

	@Test
	void gostKeysAreAccepted() {
		TestCa.Holder gost = ca.person(APPLICANT.value()).gost().issue();
		ocspAnswers(ca.ocspGood(gost));

		SignatureEvidence evidence = signatures.verify(APPLICATION, gost.sign(APPLICATION), APPLICANT);

		assertThat(evidence.digestAlgorithm()).isEqualTo("GOST3411-2012-256");
		assertThat(evidence.signatureAlgorithm()).isEqualTo("GOST3411-2012-256withECGOST3410-2012-256");
	}

	@Test
	void anExpiredCertificateIsRefused() {
		TestCa.Holder expired = ca.person(APPLICANT.value()).expired().issue();
		ocspAnswers(ca.ocspGood(expired));

		assertThat(refusal(APPLICATION, expired.sign(APPLICATION), APPLICANT).reason())
			.isEqualTo(Reason.CERTIFICATE_EXPIRED);
	}

	@Test
	void aCertificateThatExpiredAfterSigningIsRefusedToo() {
		Instant yesterday = Instant.now().minus(Duration.ofDays(1));
		TestCa.Holder expiredSinceSigning = ca.person(APPLICANT.value())
			.validBetween(yesterday.minus(Duration.ofDays(365)), Instant.now().minusSeconds(60))
			.issue();

		SignatureRefused refused = refusal(APPLICATION, expiredSinceSigning.signAt(APPLICATION, yesterday), APPLICANT);

		assertThat(refused.reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED);
		assertThat(refused).hasMessageContaining("now");
	}

	@Test
	void aSigningTimeBeforeTheCertificateIsRefused() {
		TestCa.Holder issuedToday = ca.person(APPLICANT.value())
			.validBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(365)))
			.issue();

		assertThat(refusal(APPLICATION, issuedToday.signAt(APPLICATION, Instant.now().minus(Duration.ofDays(2))),
				APPLICANT)
			.reason()).isEqualTo(Reason.CERTIFICATE_NOT_YET_VALID);
	}

	@Test
	void aCertificateOfAnotherRootIsUntrusted() {
		TestCa.Holder foreign = stranger.person(APPLICANT.value()).issue();
		ocspAnswers(stranger.ocspGood(foreign));

		assertThat(refusal(APPLICATION, foreign.sign(APPLICATION), APPLICANT).reason()).isEqualTo(Reason.UNTRUSTED);
		assertThat(ocspRequests()).as("an untrusted certificate's addresses are never fetched").isZero();
	}

	@Test
	void aSignatureWithoutTheIntermediateChainsThroughTheConfiguredOne() {
		ocspAnswers(ca.ocspGood(applicant));
		byte[] alone = applicant.signAlone(APPLICATION);

		assertThat(refusal(APPLICATION, alone, APPLICANT).reason()).isEqualTo(Reason.UNTRUSTED);

		signatures = signatures(List.of(pem(ca.intermediatePem())));
		assertThat(signatures.verify(APPLICATION, alone, APPLICANT).signerIin()).isEqualTo(APPLICANT.value());
	}

	@Test
	void anAuthenticationKeyIsNotASigningKey() {
		TestCa.Holder authentication = ca.person(APPLICANT.value()).authentication().issue();
		ocspAnswers(ca.ocspGood(authentication));

		assertThat(refusal(APPLICATION, authentication.sign(APPLICATION), APPLICANT).reason())
			.isEqualTo(Reason.NOT_A_SIGNING_KEY);
	}

	@Test
	void anOrganisationsCertificateIsRefusedEvenWithTheApplicantsIin() {
		TestCa.Holder employee = ca.person(APPLICANT.value()).organisation("000740001307").issue();
		ocspAnswers(ca.ocspGood(employee));

		assertThat(refusal(APPLICATION, employee.sign(APPLICATION), APPLICANT).reason())
			.isEqualTo(Reason.ORGANISATION_CERTIFICATE);
	}

	@Test
	void someoneElsesCertificateIsAnIinMismatch() {
		ocspAnswers(ca.ocspGood(applicant));

		SignatureRefused refused = refusal(APPLICATION, applicant.sign(APPLICATION), SOMEONE_ELSE);

		assertThat(refused.reason()).isEqualTo(Reason.IIN_MISMATCH);
		assertThat(refused.getMessage()).doesNotContain(APPLICANT.value()).doesNotContain(SOMEONE_ELSE.value());
		assertThat(ocspRequests()).isZero();
	}

	@Test
	void aCertificateTheOcspSaysIsRevokedIsRefused() {
		ocspAnswers(ca.ocspRevoked(applicant));
		crlServes(ca.crl());

		SignatureRefused refused = refusal(APPLICATION, applicant.sign(APPLICATION), APPLICANT);

		assertThat(refused.reason()).isEqualTo(Reason.REVOKED);
		assertThat(refused.retryable()).isFalse();
		assertThat(crlRequests()).as("the OCSP's word is final").isZero();
	}

	@Test
	void whenTheOcspIsDownTheCrlSaysTheCertificateIsGood() {
		ocspDown();
		crlServes(ca.crl(ca.person(SOMEONE_ELSE.value()).issue()));

		SignatureEvidence evidence = signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT);

		assertThat(evidence.revocation().source()).isEqualTo(Source.CRL);
		assertThat(evidence.revocation().url()).isEqualTo(responder.baseUrl() + "/crl");
		assertThat(evidence.revocation().crlNumber()).isPositive();
		assertThat(evidence.revocation().ocspResponse()).isNull();
		assertThat(ocspRequests()).isEqualTo(ATTEMPTS);
		assertThat(crlRequests()).isEqualTo(1);
	}

	@Test
	void whenTheOcspIsDownTheCrlSaysTheCertificateIsRevoked() {
		ocspDown();
		crlServes(ca.crl(applicant));

		assertThat(refusal(APPLICATION, applicant.sign(APPLICATION), APPLICANT).reason()).isEqualTo(Reason.REVOKED);
	}

	@Test
	void whenTheOcspAndTheCrlAreDownTheStatusIsUnknownAndWorthRetryingAfterBoundedAttempts() {
		ocspDown();
		crlDown();

		SignatureRefused refused = refusal(APPLICATION, applicant.sign(APPLICATION), APPLICANT);

		assertThat(refused.reason()).isEqualTo(Reason.REVOCATION_UNKNOWN);
		assertThat(refused.retryable()).isTrue();
		assertThat(ocspRequests()).isEqualTo(ATTEMPTS);
		assertThat(crlRequests()).isEqualTo(ATTEMPTS);
	}

	@Test
	void anOcspResponderTooSlowToAnswerCountsAsDown() {
		responder.stubFor(post("/ocsp").willReturn(aResponse().withStatus(200)
			.withBody(ca.ocspGood(applicant))
			.withFixedDelay(2_000)));
		crlServes(ca.crl());

		SignatureEvidence evidence = signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT);

		assertThat(evidence.revocation().source()).isEqualTo(Source.CRL);
		assertThat(ocspRequests()).isEqualTo(ATTEMPTS);
	}

	@Test
	void aFlakyOcspIsAskedAgainWithinTheBound() {
		responder.stubFor(post("/ocsp").inScenario("flaky")
			.whenScenarioStateIs("Started")
			.willReturn(serverError())
			.willSetStateTo("recovered"));
		responder.stubFor(post("/ocsp").inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withBody(ca.ocspGood(applicant))));

		SignatureEvidence evidence = signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT);

		assertThat(evidence.revocation().source()).isEqualTo(Source.OCSP);
		assertThat(ocspRequests()).isEqualTo(2);
	}

	@Test
	void anOcspResponseByADelegatedResponderIsBelieved() {
		ocspAnswers(ca.ocspGoodByDelegate(applicant));

		assertThat(signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT).revocation().source())
			.isEqualTo(Source.OCSP);
		assertThat(crlRequests()).isZero();
	}

	@Test
	void aForgedOcspResponseIsNotBelievedTheCrlDecides() {
		ocspAnswers(ca.ocspGoodForged(applicant));
		crlServes(ca.crl(applicant));

		assertThat(refusal(APPLICATION, applicant.sign(APPLICATION), APPLICANT).reason()).isEqualTo(Reason.REVOKED);
		assertThat(ocspRequests()).as("a bad signature is not asked again").isEqualTo(1);
	}

	@Test
	void anOcspResponseAboutAnotherCertificateIsNotBelieved() {
		ocspAnswers(ca.ocspGood(ca.person(SOMEONE_ELSE.value()).issue()));
		crlServes(ca.crl(applicant));

		assertThat(refusal(APPLICATION, applicant.sign(APPLICATION), APPLICANT).reason()).isEqualTo(Reason.REVOKED);
	}

	@Test
	void anUnknownStatusFromTheOcspFallsBackToTheCrl() {
		ocspAnswers(ca.ocspUnknown(applicant));
		crlServes(ca.crl());

		assertThat(signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT).revocation().source())
			.isEqualTo(Source.CRL);
	}

	@Test
	void aCrlIsDownloadedOnceWhileItIsCurrent() {
		ocspDown();
		crlServes(ca.crl());

		signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT);
		signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT);

		assertThat(crlRequests()).isEqualTo(1);
	}

	@Test
	void aCertificateWithoutRevocationAddressesIsUntrusted() {
		TestCa.Holder unchecked = ca.person(APPLICANT.value()).withoutRevocationPointers().issue();

		SignatureRefused refused = refusal(APPLICATION, unchecked.sign(APPLICATION), APPLICANT);

		assertThat(refused.reason()).isEqualTo(Reason.UNTRUSTED);
		assertThat(refused.retryable()).isFalse();
	}

	@Test
	void theEvidenceSurvivesAJsonRoundTrip() {
		ocspAnswers(ca.ocspGood(applicant));
		SignatureEvidence evidence = signatures.verify(APPLICATION, applicant.sign(APPLICATION), APPLICANT);
		JsonMapper json = JsonMapper.builder().build();

		SignatureEvidence read = json.readValue(json.writeValueAsString(evidence), SignatureEvidence.class);

		assertThat(read).usingRecursiveComparison().isEqualTo(evidence);
		assertThat(json.readTree(json.writeValueAsString(evidence)).get("revocation").get("source").asString())
			.isEqualTo("OCSP");
	}

	@Test
	void onlyAnUnknownRevocationStatusIsRetryable() {
		assertThat(Reason.values()).filteredOn(Reason::retryable).containsExactly(Reason.REVOCATION_UNKNOWN);
	}
}
