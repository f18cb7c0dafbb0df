package kz.khc.elorda.signature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;

/**
 * A certification authority for tests, from keys generated on the spot: a root and an intermediate that issues
 * applicants' certificates shaped like the NCA's ({@code SERIALNUMBER=IIN…}, nonRepudiation for signing keys,
 * digitalSignature and keyEncipherment for authentication keys, {@code O=…, OU=BIN…} for organisations; see
 * {@code NcaCertificate}), the OCSP responses and CRLs its responder serves, and signatures as NCALayer makes them.
 * Every certificate points at {@code <responder>/ocsp} for OCSP and {@code <responder>/crl} for its CRL; a test
 * serves what it wants there (WireMock). Validity is counted from the moment the CA is made, so tests never expire.
 * <p>
 * Later tests (submission, the local run's demo) use it too: {@link #create}, {@link #person}, {@link Holder#sign},
 * {@link #ocspGood}, {@link #crl}, {@link #rootPem}.
 */
public final class TestCa {

	private static final Provider BC = new BouncyCastleProvider();
	private static final String RSA_SIGNATURE = "SHA256withRSA";

	/** One key per algorithm for all end entities: they differ by certificate, and generating keys is slow. */
	private static final KeyPair RSA_KEY = generate("RSA");
	private static final KeyPair EC_KEY = generate("EC");

	private final Clock clock;
	/** What the holders' signatures say as their signing time: the real time, or the moving clock's. */
	private final Clock signingClock;
	private static final Instant FOREVER_FROM = Instant.parse("1950-01-01T00:00:00Z");
	private static final Instant FOREVER_UNTIL = Instant.parse("9999-12-31T00:00:00Z");

	private final AtomicLong serials = new AtomicLong(1000);
	private final AtomicLong crlNumbers = new AtomicLong(1);
	private final URI ocspUrl;
	private final URI crlUrl;
	private final KeyPair rootKey = generate("RSA");
	private final KeyPair intermediateKey = generate("RSA");
	private final X509CertificateHolder root;
	private final X509CertificateHolder intermediate;

	private TestCa(String name, URI responder, Clock clock, boolean forever) {
		this.clock = clock;
		this.signingClock = forever ? clock : Clock.systemUTC();
		this.ocspUrl = responder.resolve("/ocsp");
		this.crlUrl = responder.resolve("/crl");
		Instant now = now();
		X500Name rootName = new X500Name("CN=" + name + " Root, O=Test, C=KZ");
		X500Name intermediateName = new X500Name("CN=" + name + " (RSA), O=Test, C=KZ");
		this.root = certify(rootName, rootKey, rootName, rootKey, forever ? FOREVER_FROM : now().minus(Duration.ofDays(3650)),
				forever ? FOREVER_UNTIL : now().plus(Duration.ofDays(3650)), builder -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				});
		this.intermediate = certify(intermediateName, intermediateKey, rootName, rootKey,
				forever ? FOREVER_FROM : now().minus(Duration.ofDays(1000)),
				forever ? FOREVER_UNTIL : now().plus(Duration.ofDays(1000)), builder -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				});
	}

	/** A new CA whose certificates send their OCSP and CRL requests to {@code responder}. */
	public static TestCa create(String name, URI responder) {
		return new TestCa(name, responder, Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC),
				false);
	}

	/**
	 * A CA for tests that move their clock (to the far-off years of their editions): its root and intermediate are
	 * valid from 1950 to 9999, and what it issues, signs and publishes is dated by the clock when it does.
	 */
	public static TestCa following(String name, URI responder, Clock clock) {
		return new TestCa(name, responder, clock, true);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/** An applicant's certificate to come: a private person's signing key (RSA) valid for a year from yesterday. */
	public Person person(String iin) {
		return new Person(iin);
	}

	public X509Certificate root() {
		return jca(root);
	}

	public X509Certificate intermediate() {
		return jca(intermediate);
	}

	/** The root certificate as PEM, for {@code elorda.signature.trusted-roots}. */
	public String rootPem() {
		return pem(root);
	}

	/** The intermediate certificate as PEM, for {@code elorda.signature.intermediates}. */
	public String intermediatePem() {
		return pem(intermediate);
	}

	/** A DER OCSP response signed by the intermediate: the certificate is good. */
	public byte[] ocspGood(Holder holder) {
		return ocsp(holder, CertificateStatus.GOOD, intermediate, intermediateKey, List.of());
	}

	/** A DER OCSP response signed by the intermediate: the certificate was revoked an hour ago. */
	public byte[] ocspRevoked(Holder holder) {
		return ocsp(holder, revokedAnHourAgo(), intermediate, intermediateKey, List.of());
	}

	/** A DER OCSP response signed by the intermediate: the responder does not know the certificate. */
	public byte[] ocspUnknown(Holder holder) {
		return ocsp(holder, new UnknownStatus(), intermediate, intermediateKey, List.of());
	}

	/**
	 * A DER OCSP response signed by a responder the intermediate delegated ({@code id-kp-OCSPSigning}), its
	 * certificate in the response.
	 */
	public byte[] ocspGoodByDelegate(Holder holder) {
		KeyPair responderKey = EC_KEY;
		X509CertificateHolder responder = certify(new X500Name("CN=OCSP responder, O=Test, C=KZ"), responderKey,
				intermediate.getSubject(), intermediateKey, now().minus(Duration.ofDays(1)),
				now().plus(Duration.ofDays(30)),
				builder -> {
					builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
					builder.addExtension(Extension.extendedKeyUsage, false,
							new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
				});
		return ocsp(holder, CertificateStatus.GOOD, responder, responderKey, List.of(responder));
	}

	/** A DER OCSP response that claims to be the intermediate's, "good", signed by a key that is not its. */
	public byte[] ocspGoodForged(Holder holder) {
		return ocsp(holder, CertificateStatus.GOOD, intermediate, generate("RSA"), List.of());
	}

	/** A DER CRL signed by the intermediate, current for a day, listing the given certificates as revoked. */
	public byte[] crl(Holder... revoked) {
		X509v2CRLBuilder builder = new X509v2CRLBuilder(intermediate.getSubject(), Date.from(now().minusSeconds(60)));
		builder.setNextUpdate(Date.from(now().plus(Duration.ofDays(1))));
		for (Holder holder : revoked) {
			builder.addCRLEntry(holder.certificate.getSerialNumber(), Date.from(now().minus(Duration.ofHours(1))),
					CRLReason.keyCompromise);
		}
		try {
			builder.addExtension(Extension.cRLNumber, false,
					new CRLNumber(BigInteger.valueOf(crlNumbers.getAndIncrement())));
			return builder.build(signer(intermediateKey)).getEncoded();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] ocsp(Holder holder, CertificateStatus status, X509CertificateHolder responder,
			KeyPair responderKey, List<X509CertificateHolder> chain) {
		try {
			DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
			CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), intermediate,
					holder.certificate.getSerialNumber());
			BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responder.getSubject()));
			builder.addResponse(id, status, Date.from(now().minusSeconds(60)), Date.from(now().plus(Duration.ofHours(1))));
			return new OCSPRespBuilder()
				.build(OCSPRespBuilder.SUCCESSFUL,
						builder.build(signer(responderKey), chain.toArray(X509CertificateHolder[]::new),
								Date.from(now())))
				.getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private RevokedStatus revokedAnHourAgo() {
		return new RevokedStatus(Date.from(now().minus(Duration.ofHours(1))), CRLReason.keyCompromise);
	}

	/** A certificate to issue: its holder's IIN and what kind of key and owner it is. */
	public final class Person {

		private final String iin;
		private String keyAlgorithm = "RSA";
		private int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
		private List<KeyPurposeId> extendedUsage = List.of(KeyPurposeId.id_kp_emailProtection,
				KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.2.398.3.3.4.1.1")));
		private String bin = "";
		private Instant notBefore = now().minus(Duration.ofDays(1));
		private Instant notAfter = now().plus(Duration.ofDays(365));
		private boolean revocationPointers = true;

		private Person(String iin) {
			this.iin = iin;
		}

		/** An ECDSA (P-256) key instead of RSA. */
		public Person ecdsa() {
			keyAlgorithm = "EC";
			return this;
		}

		/** A GOST R 34.10-2012 (256-bit, ECGOST3410-2012) key instead of RSA. */
		public Person gost() {
			keyAlgorithm = "ECGOST3410-2012";
			return this;
		}

		/** An NCA authentication key (AUTH_RSA256): digitalSignature and keyEncipherment, client authentication. */
		public Person authentication() {
			keyUsage = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
			extendedUsage = List.of(KeyPurposeId.id_kp_clientAuth,
					KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.2.398.3.3.4.1.1")));
			return this;
		}

		/** An employee's signing key of the organisation with this BIN: {@code O=…, OU=BIN…}, legal entity's usage. */
		public Person organisation(String bin) {
			this.bin = bin;
			extendedUsage = List.of(KeyPurposeId.id_kp_emailProtection,
					KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.2.398.3.3.4.1.2.5")));
			return this;
		}

		public Person validBetween(Instant notBefore, Instant notAfter) {
			this.notBefore = notBefore;
			this.notAfter = notAfter;
			return this;
		}

		/** Valid for a year until yesterday. */
		public Person expired() {
			return validBetween(now().minus(Duration.ofDays(366)), now().minus(Duration.ofDays(1)));
		}

		/** Without an OCSP address and a CRL distribution point. */
		public Person withoutRevocationPointers() {
			revocationPointers = false;
			return this;
		}

		public Holder issue() {
			KeyPair key = switch (keyAlgorithm) {
				case "EC" -> EC_KEY;
				case "ECGOST3410-2012" -> gostKey();
				default -> RSA_KEY;
			};
			X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ТЕСТОВ ТЕСТ")
				.addRDN(BCStyle.SURNAME, "ТЕСТОВ")
				.addRDN(BCStyle.SERIALNUMBER, "IIN" + iin)
				.addRDN(BCStyle.C, "KZ");
			if (!bin.isEmpty()) {
				subject.addRDN(BCStyle.O, "АО «ТЕСТ»").addRDN(BCStyle.OU, "BIN" + bin);
			}
			subject.addRDN(BCStyle.GIVENNAME, "ТЕСТОВИЧ");
			X509CertificateHolder certificate = certify(subject.build(), key, intermediate.getSubject(),
					intermediateKey, notBefore, notAfter, builder -> {
						builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
						builder.addExtension(Extension.extendedKeyUsage, false,
								new ExtendedKeyUsage(extendedUsage.toArray(KeyPurposeId[]::new)));
						builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
								new PolicyInformation(new ASN1ObjectIdentifier(bin.isEmpty() ? "1.2.398.3.3.2.3"
										: "1.2.398.3.3.2.1"))));
						if (revocationPointers) {
							builder.addExtension(Extension.authorityInfoAccess, false,
									new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
											new GeneralName(GeneralName.uniformResourceIdentifier,
													ocspUrl.toString())));
							builder.addExtension(Extension.cRLDistributionPoints, false,
									new CRLDistPoint(new DistributionPoint[] { new DistributionPoint(
											new DistributionPointName(new GeneralNames(new GeneralName(
													GeneralName.uniformResourceIdentifier, crlUrl.toString()))),
											null, null) }));
						}
					});
			return new Holder(key, certificate, intermediate, signatureAlgorithm(keyAlgorithm), signingClock);
		}
	}

	/** An applicant's key and certificate, as in their NCALayer key store. */
	public static final class Holder {

		private final KeyPair key;
		private final X509CertificateHolder certificate;
		private final X509CertificateHolder intermediate;
		private final String signatureAlgorithm;
		private final Clock clock;

		private Holder(KeyPair key, X509CertificateHolder certificate, X509CertificateHolder intermediate,
				String signatureAlgorithm, Clock clock) {
			this.key = key;
			this.certificate = certificate;
			this.intermediate = intermediate;
			this.signatureAlgorithm = signatureAlgorithm;
			this.clock = clock;
		}

		private Instant now() {
			return clock.instant();
		}

		public X509Certificate certificate() {
			return jca(certificate);
		}

		/** A detached CMS signature of {@code content}, signed now, carrying the certificate and the intermediate. */
		public byte[] sign(byte[] content) {
			return cms(content, false, now(), List.of(certificate, intermediate), List.of(this));
		}

		/** An attached CMS signature: the content is inside. */
		public byte[] signAttached(byte[] content) {
			return cms(content, true, now(), List.of(certificate, intermediate), List.of(this));
		}

		/** A detached CMS signature whose signed {@code signing-time} says {@code signingTime}. */
		public byte[] signAt(byte[] content, Instant signingTime) {
			return cms(content, false, signingTime, List.of(certificate, intermediate), List.of(this));
		}

		/** A detached CMS signature carrying only the signer's own certificate, as NCALayer makes it. */
		public byte[] signAlone(byte[] content) {
			return cms(content, false, now(), List.of(certificate), List.of(this));
		}

		/** One CMS signature of {@code content} by this holder and {@code other}. */
		public byte[] signTogetherWith(Holder other, byte[] content) {
			return cms(content, false, now(), List.of(certificate, other.certificate, intermediate),
					List.of(this, other));
		}

		private static byte[] cms(byte[] content, boolean attached, Instant signingTime,
				List<X509CertificateHolder> certificates, List<Holder> signers) {
			try {
				CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
				for (Holder signer : signers) {
					AttributeTable signed = new AttributeTable(new Attribute(CMSAttributes.signingTime,
							new DERSet(new Time(Date.from(signingTime)))));
					SignerInfoGenerator info = new JcaSignerInfoGeneratorBuilder(
							new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
						.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
						.build(new JcaContentSignerBuilder(signer.signatureAlgorithm).setProvider(BC)
							.build(signer.key.getPrivate()), signer.certificate);
					generator.addSignerInfoGenerator(info);
				}
				generator.addCertificates(new CollectionStore<>(new ArrayList<>(certificates)));
				return generator.generate(new CMSProcessableByteArray(content), attached).getEncoded();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@FunctionalInterface
	private interface Extensions {

		void add(X509v3CertificateBuilder builder) throws IOException;
	}

	private X509CertificateHolder certify(X500Name subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey,
			Instant notBefore, Instant notAfter, Extensions extensions) {
		try {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					BigInteger.valueOf(serials.getAndIncrement()), Date.from(notBefore), Date.from(notAfter), subject,
					subjectKey.getPublic());
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					utils.createSubjectKeyIdentifier(subjectKey.getPublic()));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					utils.createAuthorityKeyIdentifier(issuerKey.getPublic()));
			extensions.add(builder);
			return builder.build(signer(issuerKey));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ContentSigner signer(KeyPair key) {
		try {
			return new JcaContentSignerBuilder(signatureAlgorithm(key.getPublic().getAlgorithm())).setProvider(BC)
				.build(key.getPrivate());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String signatureAlgorithm(String keyAlgorithm) {
		return switch (keyAlgorithm) {
			case "EC", "ECDSA" -> "SHA256withECDSA";
			case "ECGOST3410-2012", "ECGOST3410-2012-256" -> "GOST3411-2012-256WITHECGOST3410-2012-256";
			default -> RSA_SIGNATURE;
		};
	}

	private static KeyPair generate(String algorithm) {
		try {
			// the JDK's own generators: BouncyCastle's RSA key generation takes seconds
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			if (algorithm.equals("EC")) {
				generator.initialize(new ECGenParameterSpec("secp256r1"));
			}
			else {
				generator.initialize(2048);
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair gostKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("ECGOST3410-2012", BC);
			generator.initialize(new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate jca(X509CertificateHolder holder) {
		try {
			return new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(X509CertificateHolder certificate) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(certificate);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}
}
