package kz.khc.deploy.signing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The demo CA meets what elorda-application-service's {@code Signatures} checks (its classes are a Spring Boot jar,
 * so the same checks are made here with BouncyCastle): the signature over exactly the content, the certificate chain
 * from the PEM files the service is given to the root, a private person's signing key with the applicant's IIN, and
 * its status from the OCSP responder and the CRL the certificate names, over HTTP.
 */
class DemoCaTest {

	static final String IIN = "651106450323";
	static final String OTHER_IIN = "900315300010";
	private static final BouncyCastleProvider BC = new BouncyCastleProvider();
	private static final HttpClient http = HttpClient.newHttpClient();
	private static final byte[] CONTENT = "{\"application\":\"EZ-2026-000042\",\"category\":\"HEALTHCARE\"}"
		.getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path directory;

	private int port;
	private DemoCa ca;
	private NcaSimulator simulator;

	@BeforeEach
	void start() throws IOException {
		port = freePort();
		ca = DemoCa.open(directory, URI.create("http://127.0.0.1:" + port), Map.of(IIN, "АХМЕТОВА ДАНА"));
		simulator = NcaSimulator.start(ca, port);
	}

	@AfterEach
	void stop() {
		simulator.close();
	}

	@Test
	void issuesACitizenAPrivatePersonsSigningCertificateThatChainsToTheRootItsFilesName() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		X509Certificate certificate = ca.certificate(IIN);
		X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);

		assertThat(value(holder.getSubject(), BCStyle.CN)).containsExactly("АХМЕТОВА ДАНА");
		assertThat(value(holder.getSubject(), BCStyle.SERIALNUMBER)).containsExactly("IIN" + IIN);
		assertThat(value(holder.getSubject(), BCStyle.C)).containsExactly("KZ");
		assertThat(value(holder.getSubject(), BCStyle.O)).isEmpty();
		assertThat(value(holder.getSubject(), BCStyle.OU)).isEmpty();
		assertThat(certificate.getKeyUsage()).startsWith(true, true, false, false, false, false, false);
		assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
		assertThat(ExtendedKeyUsage.fromExtensions(holder.getExtensions()).getUsages())
			.extracting(KeyPurposeId::toOID)
			.extracting(ASN1ObjectIdentifier::getId)
			.contains("1.2.398.3.3.4.1.1")
			.noneMatch(oid -> oid.startsWith("1.2.398.3.3.4.1.2"));
		assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
			.isEqualTo(Duration.ofDays(365));
		assertThat(certificate.getNotBefore().toInstant()).isBeforeOrEqualTo(before)
			.isAfter(before.minus(Duration.ofMinutes(2)));
		assertThat(ocspUrl(holder)).isEqualTo(URI.create("http://127.0.0.1:" + port + "/ocsp"));
		assertThat(crlUrl(holder)).isEqualTo(URI.create("http://127.0.0.1:" + port + "/crl/demo_nca_rsa.crl"));

		// the PKIX path elorda builds: the signer's certificate, the intermediates file, the trusted roots file
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pem(ca.rootPem()), null)));
		parameters.setRevocationEnabled(false);
		CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
			.generateCertPath(List.of(certificate, pem(ca.intermediatePem()))), parameters);
		assertThat(ca.root().getSubjectX500Principal().getName()).contains("NOT A REAL CA");
	}

	@Test
	void aCitizenTheCaHasNoNameForIsCertifiedAsTheNcasTestPersonAndAnInvalidIinIsRefused() throws Exception {
		X509CertificateHolder holder = new JcaX509CertificateHolder(ca.certificate(OTHER_IIN));

		assertThat(value(holder.getSubject(), BCStyle.CN)).containsExactly("ТЕСТОВ ТЕСТ");
		assertThat(value(holder.getSubject(), BCStyle.SERIALNUMBER)).containsExactly("IIN" + OTHER_IIN);
		assertThatIllegalArgumentException().isThrownBy(() -> ca.sign("651106450324", CONTENT));
		assertThatIllegalArgumentException().isThrownBy(() -> ca.sign("65110645032", CONTENT));
	}

	@Test
	void signsExactlyTheContentDetachedWithSha256TheSigningTimeAndOnlyTheSignersCertificate() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		byte[] cms = ca.sign(IIN, CONTENT);
		Instant after = Instant.now();

		assertThat(new CMSSignedData(cms).getSignedContent()).as("detached").isNull();
		CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(CONTENT), cms);
		assertThat(signed.getSignerInfos().getSigners()).hasSize(1);
		SignerInformation signer = signed.getSignerInfos().iterator().next();
		assertThat(signed.getCertificates().getMatches(null)).singleElement()
			.isEqualTo(new JcaX509CertificateHolder(ca.certificate(IIN)));
		assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
		assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(ca.certificate(IIN))))
			.isTrue();
		Instant signingTime = Time.getInstance(signer.getSignedAttributes().get(CMSAttributes.signingTime)
			.getAttrValues().getObjectAt(0)).getDate().toInstant();
		assertThat(signingTime).isBetween(before, after);

		byte[] other = Arrays.copyOf(CONTENT, CONTENT.length);
		other[other.length - 2]++;
		SignerInformation forOther = new CMSSignedData(new CMSProcessableByteArray(other), cms).getSignerInfos()
			.iterator().next();
		assertThatExceptionOfType(CMSSignerDigestMismatchException.class).isThrownBy(() -> forOther
			.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(ca.certificate(IIN))));
	}

	@Test
	void theResponderTheCertificateNamesSaysGoodSignedByTheIssuerWithOurNonce() throws Exception {
		X509Certificate certificate = ca.certificate(IIN);
		byte[] nonce = "sixteen byte nce".getBytes(StandardCharsets.US_ASCII);

		HttpResponse<byte[]> answer = ocsp(ocspUrl(new JcaX509CertificateHolder(certificate)), certificate, nonce);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
		OCSPResp response = new OCSPResp(answer.body());
		assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
		BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
		X509CertificateHolder issuer = new JcaX509CertificateHolder(pem(ca.intermediatePem()));
		assertThat(basic.getResponderId()).isEqualTo(new RespID(issuer.getSubject()));
		assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(issuer))).isTrue();
		assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
			.isEqualTo(new DEROctetString(nonce).getEncoded());
		SingleResp single = basic.getResponses()[0];
		assertThat(single.getCertID()).isEqualTo(certificateId(certificate));
		assertThat(single.getCertStatus()).isEqualTo(CertificateStatus.GOOD);
		assertThat(single.getThisUpdate().toInstant()).isBeforeOrEqualTo(Instant.now());
		assertThat(single.getNextUpdate().toInstant()).isAfter(Instant.now());
	}

	@Test
	void aRevokedCertificateIsRevokedByOcspListedOnTheCrlAndTheNextSignatureGetsANewOne() throws Exception {
		X509Certificate revoked = ca.certificate(IIN);
		X509Certificate other = ca.certificate(OTHER_IIN);

		BigInteger serial = ca.revoke(IIN);

		assertThat(serial).isEqualTo(revoked.getSerialNumber());
		assertThat(status(revoked)).isInstanceOf(RevokedStatus.class);
		assertThat(status(other)).isEqualTo(CertificateStatus.GOOD);

		HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(crlUrl(new JcaX509CertificateHolder(revoked)))
			.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
		X509CRLHolder crl = new X509CRLHolder(download.body());
		X509CertificateHolder issuer = new JcaX509CertificateHolder(pem(ca.intermediatePem()));
		assertThat(crl.getIssuer()).isEqualTo(issuer.getSubject());
		assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(issuer))).isTrue();
		assertThat(crl.getRevokedCertificate(serial)).isNotNull();
		assertThat(crl.getRevokedCertificate(other.getSerialNumber())).isNull();
		assertThat(crl.getNextUpdate().toInstant()).isAfter(Instant.now());
		assertThat(CRLNumber.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber())
			.isPositive();

		byte[] cms = ca.sign(IIN, CONTENT);
		X509CertificateHolder renewed = new CMSSignedData(new CMSProcessableByteArray(CONTENT), cms).getCertificates()
			.getMatches(null).iterator().next();
		assertThat(renewed.getSerialNumber()).isNotEqualTo(serial);
		assertThat(status(ca.certificate(IIN))).isEqualTo(CertificateStatus.GOOD);
	}

	@Test
	void onlyACurrentCertificateIsRevoked() {
		assertThatIllegalArgumentException().as("never issued").isThrownBy(() -> ca.revoke(IIN));
		ca.certificate(IIN);
		ca.revoke(IIN);
		assertThatIllegalArgumentException().as("already revoked, none issued since").isThrownBy(() -> ca.revoke(IIN));
	}

	@Test
	void certificatesItDidNotIssueAreUnknownAndABrokenRequestIsMalformed() throws Exception {
		X509Certificate certificate = ca.certificate(IIN);
		X509CertificateHolder intermediate = new JcaX509CertificateHolder(ca.intermediate());
		var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();

		CertificateID unknownSerial = new CertificateID(digests.get(CertificateID.HASH_SHA1), intermediate,
				certificate.getSerialNumber().add(BigInteger.ONE));
		CertificateID otherIssuer = new CertificateID(digests.get(CertificateID.HASH_SHA1),
				new JcaX509CertificateHolder(ca.root()), certificate.getSerialNumber());
		assertThat(status(unknownSerial)).isInstanceOf(UnknownStatus.class);
		assertThat(status(otherIssuer)).isInstanceOf(UnknownStatus.class);

		HttpResponse<byte[]> garbage = post(ca.ocspUrl(), "application/ocsp-request", new byte[] { 1, 2, 3 });
		assertThat(garbage.statusCode()).isEqualTo(200);
		assertThat(new OCSPResp(garbage.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
		assertThat(post(ca.ocspUrl(), "application/json", new byte[] { 1 }).statusCode()).isEqualTo(415);
		assertThat(http.send(HttpRequest.newBuilder(ca.ocspUrl()).GET().build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(405);
	}

	@Test
	void theCaInTheSameDirectoryIsReusedWithItsCertificatesAndRevocations() throws Exception {
		X509Certificate certificate = ca.certificate(IIN);
		ca.certificate(OTHER_IIN);
		BigInteger revoked = ca.revoke(OTHER_IIN);
		simulator.close();

		DemoCa again = DemoCa.open(directory, URI.create("http://127.0.0.1:" + port), Map.of());
		simulator = NcaSimulator.start(again, port);

		assertThat(ca.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.root()).isEqualTo(ca.root());
		assertThat(again.intermediate()).isEqualTo(ca.intermediate());
		assertThat(again.certificate(IIN)).isEqualTo(certificate);
		assertThat(status(certificate)).isEqualTo(CertificateStatus.GOOD);
		assertThat(new X509CRLHolder(again.crl()).getRevokedCertificate(revoked)).isNotNull();
		CertificateID revokedId = new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()
			.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(again.intermediate()), revoked);
		assertThat(status(revokedId)).isInstanceOf(RevokedStatus.class);

		assertThat(directory.resolve("root.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(directory.resolve("index.txt")).content().contains("IIN" + IIN).contains("IIN" + OTHER_IIN);
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(directory.resolve("demo-ca.p12"))) {
			keys.load(in, DemoCa.PASSWORD.toCharArray());
		}
		assertThat(keys.isKeyEntry("root")).isTrue();
		assertThat(keys.isKeyEntry("intermediate")).isTrue();
		KeyStore citizen = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(directory.resolve("citizens").resolve(IIN + ".p12"))) {
			citizen.load(in, DemoCa.PASSWORD.toCharArray());
		}
		assertThat(citizen.getCertificate(citizen.aliases().nextElement())).isEqualTo(certificate);
	}

	@Test
	void aCertificateNamingAnotherResponderIsIssuedAgainForTheNewOne() throws Exception {
		X509Certificate first = ca.certificate(IIN);

		DemoCa moved = DemoCa.open(directory, URI.create("http://127.0.0.1:" + (port + 1)), Map.of());
		X509Certificate second = moved.certificate(IIN);

		assertThat(moved.root()).isEqualTo(ca.root());
		assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
		assertThat(ocspUrl(new JcaX509CertificateHolder(second))).isEqualTo(moved.ocspUrl());
	}

	@Test
	void aDirectoryWithoutTheCaKeysGetsANewCaAndForgetsTheOldCertificates() throws Exception {
		X509Certificate old = ca.certificate(IIN);
		Files.delete(directory.resolve("demo-ca.p12"));

		DemoCa fresh = DemoCa.open(directory, URI.create("http://127.0.0.1:" + port), Map.of());

		assertThat(fresh.created()).isTrue();
		assertThat(fresh.root()).isNotEqualTo(ca.root());
		assertThat(pem(fresh.rootPem())).isEqualTo(fresh.root());
		assertThat(fresh.certificate(IIN).getIssuerX500Principal()).isEqualTo(fresh.intermediate().getSubjectX500Principal());
		assertThat(fresh.certificate(IIN).getSerialNumber()).isNotEqualTo(old.getSerialNumber());
		assertThat(directory.resolve("index.txt")).content().doesNotContain(old.getSerialNumber().toString(16).toUpperCase());
	}

	// --- what elorda does, with BouncyCastle

	private @org.jspecify.annotations.Nullable CertificateStatus status(X509Certificate certificate) throws Exception {
		return status(certificateId(certificate));
	}

	private @org.jspecify.annotations.Nullable CertificateStatus status(CertificateID id) throws Exception {
		byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
		HttpResponse<byte[]> answer = post(ca.ocspUrl(), "application/ocsp-request", request);
		BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(answer.body()).getResponseObject();
		assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC)
			.build(new JcaX509CertificateHolder(pem(ca.intermediatePem()))))).isTrue();
		return basic.getResponses()[0].getCertStatus();
	}

	private HttpResponse<byte[]> ocsp(URI url, X509Certificate certificate, byte[] nonce) throws Exception {
		byte[] request = new OCSPReqBuilder().addRequest(certificateId(certificate))
			.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
					new DEROctetString(nonce).getEncoded())))
			.build()
			.getEncoded();
		return post(url, "application/ocsp-request", request);
	}

	private CertificateID certificateId(X509Certificate certificate) throws Exception {
		return new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(BC).build()
			.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(pem(ca.intermediatePem())),
				certificate.getSerialNumber());
	}

	private static HttpResponse<byte[]> post(URI url, String contentType, byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(url).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static X509Certificate pem(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static List<String> value(X500Name name, ASN1ObjectIdentifier type) {
		return Arrays.stream(name.getRDNs(type)).map(rdn -> IETFUtils.valueToString(rdn.getFirst().getValue())).toList();
	}

	private static URI ocspUrl(X509CertificateHolder certificate) {
		return Arrays.stream(AuthorityInformationAccess.fromExtensions(certificate.getExtensions()).getAccessDescriptions())
			.filter(description -> description.getAccessMethod().equals(AccessDescription.id_ad_ocsp))
			.map(description -> URI.create(description.getAccessLocation().getName().toString()))
			.findFirst()
			.orElseThrow();
	}

	private static URI crlUrl(X509CertificateHolder certificate) {
		return URI.create(GeneralNames.getInstance(CRLDistPoint.fromExtensions(certificate.getExtensions())
			.getDistributionPoints()[0].getDistributionPoint().getName()).getNames()[0].getName().toString());
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
