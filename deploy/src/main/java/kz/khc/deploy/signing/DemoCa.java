package kz.khc.deploy.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.khc.contracts.Iin;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
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
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The local run's stand-in for the national certification authority (NCA RK, pki.gov.kz): a root and an
 * intermediate CA, RSA 2048 with SHA256withRSA like the NCA's RSA branch, that issue each citizen a signing
 * certificate on demand and sign for them, as NCALayer would with the citizen's key store. <strong>It is not a real
 * CA</strong>: its keys lie unprotected but for a demo password in the data directory, and it certifies whatever IIN it
 * is asked for; only the local run's elorda-application-service trusts it.
 * <p>
 * A citizen's certificate is shaped like the NCA's signing certificate of a private person (what
 * elorda-application-service's {@code NcaCertificate} reads): {@code CN=SURNAME NAME, SURNAME=…, SERIALNUMBER=IIN<iin>,
 * C=KZ}, key usage digitalSignature and nonRepudiation, the private person's extended key usage and policy, valid for
 * a year, with the OCSP responder and the CRL of the {@link NcaSimulator} in it.
 * <p>
 * Everything lives in one directory, generated on the first start and reused after, so that certificates and
 * signatures stay valid across restarts: {@code root.pem} and {@code intermediate.pem} (what the service trusts),
 * {@code demo-ca.p12} (both CA keys), {@code citizens/<iin>.p12} (each citizen's key and certificate, as an NCA key
 * store), {@code index.txt} (every issued certificate and its revocation, OpenSSL's format). The key stores' password
 * is {@link #PASSWORD}.
 */
public final class DemoCa {

	/** The password of every key store of the demo CA: a local demo secret. */
	public static final String PASSWORD = "demo-ca-local-demo";
	/** The name of a citizen the CA has no name for: the NCA's test certificates' ({@code ТЕСТОВ ТЕСТ}). */
	static final String UNKNOWN_NAME = "ТЕСТОВ ТЕСТ";
	static final String OCSP_PATH = "/ocsp";
	static final String CRL_PATH = "/crl/demo_nca_rsa.crl";
	/** How long an OCSP answer and a CRL are current. */
	static final Duration STATUS_VALIDITY = Duration.ofHours(1);

	private static final Provider BC = new BouncyCastleProvider();
	private static final String SIGNATURE = "SHA256withRSA";
	private static final Duration CITIZEN_VALIDITY = Duration.ofDays(365);
	/** A citizen's certificate is issued again when it has less than this left. */
	private static final Duration RENEW_BEFORE = Duration.ofDays(1);
	private static final String ROOT = "root";
	private static final String INTERMEDIATE = "intermediate";
	private static final String CITIZEN = "signing";
	private static final ASN1ObjectIdentifier PRIVATE_PERSON = new ASN1ObjectIdentifier("1.2.398.3.3.4.1.1");
	private static final ASN1ObjectIdentifier PRIVATE_PERSON_SIGNING_POLICY = new ASN1ObjectIdentifier(
			"1.2.398.3.3.2.3");

	private final Path directory;
	private final URI ocspUrl;
	private final URI crlUrl;
	private final Map<String, String> names;
	private final PrivateKey intermediateKey;
	private final X509CertificateHolder root;
	private final X509CertificateHolder intermediate;
	private final CertificateIndex index;
	private final boolean created;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Citizen> citizens = new ConcurrentHashMap<>();

	/** A citizen's signing key and certificate. */
	private record Citizen(String iin, PrivateKey key, X509CertificateHolder certificate) {
	}

	private DemoCa(Path directory, URI responder, Map<String, String> names, PrivateKey intermediateKey,
			X509CertificateHolder root, X509CertificateHolder intermediate, CertificateIndex index, boolean created) {
		this.directory = directory;
		this.ocspUrl = responder.resolve(OCSP_PATH);
		this.crlUrl = responder.resolve(CRL_PATH);
		this.names = Map.copyOf(names);
		this.intermediateKey = intermediateKey;
		this.root = root;
		this.intermediate = intermediate;
		this.index = index;
		this.created = created;
	}

	/**
	 * The demo CA kept in {@code directory}, generated there when it holds none.
	 *
	 * @param responder the {@link NcaSimulator}'s address, e.g. {@code http://127.0.0.1:8087}: the certificates
	 * issued point at its OCSP responder and CRL (a citizen's certificate naming another address is issued again)
	 * @param names the names to certify for known IINs, {@code SURNAME NAME} (e.g. the demo citizens'); other
	 * citizens are certified as {@value #UNKNOWN_NAME}
	 */
	public static DemoCa open(Path directory, URI responder, Map<String, String> names) {
		names.keySet().forEach(Iin::new);
		try {
			createPrivateDirectory(directory);
			createPrivateDirectory(directory.resolve("citizens"));
			Path store = directory.resolve("demo-ca.p12");
			boolean created = !Files.exists(store);
			if (created) {
				generate(store);
				// certificates of an earlier CA in this directory are of no use now
				Files.deleteIfExists(directory.resolve("index.txt"));
				try (var stale = Files.list(directory.resolve("citizens"))) {
					for (Path file : stale.toList()) {
						Files.delete(file);
					}
				}
			}
			KeyStore keys = load(store);
			var intermediateKey = (PrivateKey) keys.getKey(INTERMEDIATE, PASSWORD.toCharArray());
			X509CertificateHolder root = holder((X509Certificate) keys.getCertificate(ROOT));
			X509CertificateHolder intermediate = holder((X509Certificate) keys.getCertificate(INTERMEDIATE));
			if (intermediateKey == null || root == null || intermediate == null) {
				throw new IllegalStateException(store + " is not the demo CA's key store; delete " + directory);
			}
			writeAtomically(directory.resolve("root.pem"), pem(root).getBytes(StandardCharsets.US_ASCII));
			writeAtomically(directory.resolve("intermediate.pem"), pem(intermediate).getBytes(StandardCharsets.US_ASCII));
			return new DemoCa(directory, responder, names, intermediateKey, root, intermediate,
					CertificateIndex.open(directory.resolve("index.txt")), created);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the demo CA in " + directory, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot open the demo CA in " + directory + "; delete it to start again",
					ex);
		}
	}

	/** Whether {@link #open} generated the CA just now (else it was reused). */
	public boolean created() {
		return created;
	}

	public Path directory() {
		return directory;
	}

	/** The root certificate in PEM: what {@code elorda.signature.trusted-roots} names. */
	public Path rootPem() {
		return directory.resolve("root.pem");
	}

	/** The intermediate's certificate in PEM: what {@code elorda.signature.intermediates} names. */
	public Path intermediatePem() {
		return directory.resolve("intermediate.pem");
	}

	public X509Certificate root() {
		return jca(root);
	}

	public X509Certificate intermediate() {
		return jca(intermediate);
	}

	public URI ocspUrl() {
		return ocspUrl;
	}

	public URI crlUrl() {
		return crlUrl;
	}

	/** The citizen's signing certificate, issued now when they have none that is valid, unrevoked and current. */
	public X509Certificate certificate(String iin) {
		return jca(citizen(iin).certificate());
	}

	/**
	 * What NCALayer makes when the citizen signs {@code content} with their key: a detached CMS SignedData (DER),
	 * SHA-256 with RSA, one signer with the {@code signing-time} attribute, carrying the signer's certificate only.
	 *
	 * @throws IllegalArgumentException when {@code iin} is not a valid IIN
	 */
	public byte[] sign(String iin, byte[] content) {
		Citizen citizen = citizen(iin);
		try {
			AttributeTable signed = new AttributeTable(new Attribute(CMSAttributes.signingTime,
					new DERSet(new Time(Date.from(Instant.now())))));
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests())
				.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
				.build(new JcaContentSignerBuilder(SIGNATURE).setProvider(BC).build(citizen.key()),
						citizen.certificate()));
			generator.addCertificate(citizen.certificate());
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot sign", ex);
		}
	}

	/**
	 * Revokes the citizen's current certificate, as the NCA does when a key is lost: its OCSP status becomes
	 * revoked and the CRL lists it; the citizen's next signature gets a new certificate.
	 *
	 * @return the revoked certificate's serial number
	 * @throws IllegalArgumentException when the citizen has no current certificate, or {@code iin} is not an IIN
	 */
	public synchronized BigInteger revoke(String iin) {
		new Iin(iin);
		Citizen citizen = citizens.get(iin);
		if (citizen == null) {
			citizen = load(iin);
		}
		if (citizen == null || index.find(citizen.certificate().getSerialNumber())
			.map(entry -> entry.revokedAt() != null)
			.orElse(true)) {
			throw new IllegalArgumentException("the demo CA has no current certificate for this IIN");
		}
		BigInteger serial = citizen.certificate().getSerialNumber();
		index.revoke(serial, Instant.now().truncatedTo(ChronoUnit.SECONDS));
		citizens.remove(iin);
		try {
			Files.deleteIfExists(citizenFile(iin));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return serial;
	}

	/**
	 * The DER OCSP response (RFC 6960) to a DER OCSP request, signed by the intermediate: good for a certificate it
	 * issued, revoked for one it revoked, unknown for any other; the request's nonce is echoed.
	 */
	byte[] ocsp(byte[] request) {
		try {
			OCSPReq parsed;
			try {
				parsed = new OCSPReq(request);
			}
			catch (IOException | RuntimeException ex) {
				return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
			}
			Req[] singles = parsed.getRequestList();
			if (singles.length == 0) {
				return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
			}
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			BasicOCSPRespBuilder response = new BasicOCSPRespBuilder(new RespID(intermediate.getSubject()));
			for (Req single : singles) {
				response.addResponse(single.getCertID(), status(single.getCertID()), Date.from(now),
						Date.from(now.plus(STATUS_VALIDITY)), null);
			}
			Extension nonce = parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (nonce != null) {
				response.setResponseExtensions(new Extensions(nonce));
			}
			return new OCSPRespBuilder()
				.build(OCSPRespBuilder.SUCCESSFUL, response.build(signer(intermediateKey), null, Date.from(now)))
				.getEncoded();
		}
		catch (IOException | OCSPException ex) {
			throw new IllegalStateException("cannot answer an OCSP request", ex);
		}
	}

	/** The status of a certificate: {@link CertificateStatus#GOOD} is {@code null}. */
	private @Nullable CertificateStatus status(CertificateID id) {
		try {
			if (!id.matchesIssuer(intermediate, digests())) {
				return new UnknownStatus();
			}
		}
		catch (OCSPException ex) { // a hash algorithm it does not know
			return new UnknownStatus();
		}
		CertificateIndex.Entry entry = index.find(id.getSerialNumber()).orElse(null);
		if (entry == null) {
			return new UnknownStatus();
		}
		Instant revokedAt = entry.revokedAt();
		return revokedAt == null ? CertificateStatus.GOOD
				: new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
	}

	/** The intermediate's current CRL (DER), listing every certificate it revoked; numbered by its issue second. */
	byte[] crl() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		X509v2CRLBuilder builder = new X509v2CRLBuilder(intermediate.getSubject(), Date.from(now));
		builder.setNextUpdate(Date.from(now.plus(STATUS_VALIDITY)));
		for (CertificateIndex.Entry revoked : index.revoked()) {
			builder.addCRLEntry(revoked.serial(), Date.from(revoked.revokedAt()), CRLReason.keyCompromise);
		}
		try {
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(intermediate.getSubjectPublicKeyInfo()));
			builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
			return builder.build(signer(intermediateKey)).getEncoded();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("cannot issue the CRL", ex);
		}
	}

	/** The certificate in PEM. */
	static String pem(X509Certificate certificate) {
		return pem(holder(certificate));
	}

	private Citizen citizen(String iin) {
		new Iin(iin);
		Citizen citizen = citizens.get(iin);
		if (citizen != null && current(citizen)) {
			return citizen;
		}
		synchronized (this) {
			citizen = citizens.get(iin);
			if (citizen == null) {
				citizen = load(iin);
			}
			if (citizen == null || !current(citizen)) {
				citizen = issue(iin);
			}
			citizens.put(iin, citizen);
			return citizen;
		}
	}

	/** Valid for at least another day and not revoked. */
	private boolean current(Citizen citizen) {
		return citizen.certificate().getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))
				&& index.find(citizen.certificate().getSerialNumber()).map(entry -> entry.revokedAt() == null)
					.orElse(false);
	}

	/** The citizen's key store from an earlier run, when it is this CA's and names this responder; else null. */
	private @Nullable Citizen load(String iin) {
		Path file = citizenFile(iin);
		if (!Files.exists(file)) {
			return null;
		}
		try {
			KeyStore store = load(file);
			var key = (PrivateKey) store.getKey(CITIZEN, PASSWORD.toCharArray());
			var certificate = (X509Certificate) store.getCertificate(CITIZEN);
			if (key == null || certificate == null) {
				return null;
			}
			X509CertificateHolder holder = holder(certificate);
			boolean ours = holder.getIssuer().equals(intermediate.getSubject())
					&& holder.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(intermediate))
					&& ocspUrl.toString().equals(ocspUrl(holder));
			return ours ? new Citizen(iin, key, holder) : null;
		}
		catch (Exception ex) {
			System.err.println("Demo CA: " + file + " is unreadable (" + ex + "); issuing a new certificate");
			return null;
		}
	}

	private Citizen issue(String iin) {
		try {
			KeyPair key = rsaKey();
			Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
			Instant notAfter = notBefore.plus(CITIZEN_VALIDITY);
			String name = names.getOrDefault(iin, UNKNOWN_NAME);
			X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
				.addRDN(BCStyle.SURNAME, name.split(" ")[0])
				.addRDN(BCStyle.SERIALNUMBER, "IIN" + iin)
				.addRDN(BCStyle.C, "KZ")
				.build();
			BigInteger serial = new BigInteger(80, random).setBit(79);
			X509CertificateHolder certificate = certify(subject, key, intermediate.getSubject(), intermediateKey,
					intermediate, serial, notBefore, notAfter, builder -> {
						builder.addExtension(Extension.keyUsage, true,
								new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
						builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
								KeyPurposeId.id_kp_emailProtection, KeyPurposeId.getInstance(PRIVATE_PERSON) }));
						builder.addExtension(Extension.certificatePolicies, false,
								new CertificatePolicies(new PolicyInformation(PRIVATE_PERSON_SIGNING_POLICY)));
						builder.addExtension(Extension.authorityInfoAccess, false,
								new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
										new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl.toString())));
						builder.addExtension(Extension.cRLDistributionPoints, false,
								new CRLDistPoint(new DistributionPoint[] { new DistributionPoint(
										new DistributionPointName(new GeneralNames(new GeneralName(
												GeneralName.uniformResourceIdentifier, crlUrl.toString()))),
										null, null) }));
					});
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(CITIZEN, key.getPrivate(), PASSWORD.toCharArray(),
					new Certificate[] { jca(certificate), jca(intermediate), jca(root) });
			writeAtomically(citizenFile(iin), bytes(store));
			index.issued(serial, notAfter, X500Name.getInstance(BCStyle.INSTANCE, subject).toString());
			return new Citizen(iin, key.getPrivate(), certificate);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("cannot issue a certificate", ex);
		}
	}

	private Path citizenFile(String iin) {
		return directory.resolve("citizens").resolve(iin + ".p12");
	}

	private static void generate(Path store) throws IOException, GeneralSecurityException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
		KeyPair rootKey = rsaKey();
		KeyPair intermediateKey = rsaKey();
		X500Name rootName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ELORDA DEMO ROOT CA (RSA)")
			.addRDN(BCStyle.O, "Elorda local demo - NOT A REAL CA")
			.addRDN(BCStyle.C, "KZ")
			.build();
		X500Name intermediateName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "ELORDA DEMO NCA (RSA)")
			.addRDN(BCStyle.O, "Elorda local demo - NOT A REAL CA")
			.addRDN(BCStyle.C, "KZ")
			.build();
		var random = new SecureRandom();
		X509CertificateHolder root = certify(rootName, rootKey, rootName, rootKey.getPrivate(), null,
				new BigInteger(80, random).setBit(79), now, now.plus(Duration.ofDays(20 * 365)), builder -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
					builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				});
		X509CertificateHolder intermediate = certify(intermediateName, intermediateKey, rootName,
				rootKey.getPrivate(), root, new BigInteger(80, random).setBit(79), now,
				now.plus(Duration.ofDays(10 * 365)), builder -> {
					builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
					// digitalSignature: the intermediate signs its OCSP answers itself
					builder.addExtension(Extension.keyUsage, true,
							new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
				});
		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		keys.setKeyEntry(ROOT, rootKey.getPrivate(), PASSWORD.toCharArray(), new Certificate[] { jca(root) });
		keys.setKeyEntry(INTERMEDIATE, intermediateKey.getPrivate(), PASSWORD.toCharArray(),
				new Certificate[] { jca(intermediate), jca(root) });
		writeAtomically(store, bytes(keys));
	}

	@FunctionalInterface
	private interface CertificateExtensions {

		void add(X509v3CertificateBuilder builder) throws IOException;
	}

	/** @param issuer the issuer's certificate; null for the self-signed root */
	private static X509CertificateHolder certify(X500Name subject, KeyPair subjectKey, X500Name issuerName,
			PrivateKey issuerKey, @Nullable X509CertificateHolder issuer, BigInteger serial, Instant notBefore,
			Instant notAfter, CertificateExtensions extensions) throws IOException, GeneralSecurityException {
		var utils = new JcaX509ExtensionUtils();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial, Date.from(notBefore),
				Date.from(notAfter), subject, subjectKey.getPublic());
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				utils.createSubjectKeyIdentifier(subjectKey.getPublic()));
		if (issuer != null) {
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					utils.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
		}
		extensions.add(builder);
		return builder.build(signer(issuerKey));
	}

	private static @Nullable String ocspUrl(X509CertificateHolder certificate) {
		AuthorityInformationAccess access = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
		if (access == null) {
			return null;
		}
		return Arrays.stream(access.getAccessDescriptions())
			.filter(description -> description.getAccessMethod().equals(AccessDescription.id_ad_ocsp))
			.map(description -> description.getAccessLocation().getName().toString())
			.findFirst()
			.orElse(null);
	}

	private static ContentSigner signer(PrivateKey key) {
		try {
			return new JcaContentSignerBuilder(SIGNATURE).setProvider(BC).build(key);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DigestCalculatorProvider digests() {
		try {
			return new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair rsaKey() throws GeneralSecurityException {
		// the JDK's generator: BouncyCastle's takes seconds for RSA 2048
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
			store.load(in, PASSWORD.toCharArray());
		}
		return store;
	}

	private static byte[] bytes(KeyStore store) throws IOException, GeneralSecurityException {
		var out = new ByteArrayOutputStream();
		store.store(out, PASSWORD.toCharArray());
		return out.toByteArray();
	}

	private static X509CertificateHolder holder(X509Certificate certificate) {
		try {
			return new JcaX509CertificateHolder(certificate);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate jca(X509CertificateHolder holder) {
		try {
			// the JDK's own certificate objects, which its PKCS#12 key store and everyone else takes
			return new JcaX509CertificateConverter().getCertificate(holder);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(X509CertificateHolder certificate) {
		try {
			return "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createPrivateDirectory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
	}

	/** Writes the file whole or not at all: a crash never leaves half a key store. */
	static void writeAtomically(Path file, byte[] content) {
		try {
			Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
			Files.write(temporary, content);
			try {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}
}
