package kz.khc.elorda.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kz.khc.contracts.Iin;
import kz.khc.elorda.signature.SignatureRefused.Reason;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Checks the applicant's electronic digital signature of an application: a CMS (PKCS#7) SignedData as NCALayer
 * makes it, detached or with the content inside. The checks run in the order of {@link Reason}: the signature
 * verifies for exactly the expected bytes; the certificate is valid at the signed signing time (when there is one)
 * and now; it chains to a configured trusted root; it is a signing key of a private person whose
 * {@code SERIALNUMBER=IIN…} is the applicant's (see {@link NcaCertificate}); and it is not revoked. Revocation is
 * asked last, so that only addresses written by a trusted CA are ever fetched.
 * <p>
 * The CMS, certificates and revocation are read with BouncyCastle. The arithmetic of RSA and ECDSA keys is done by
 * the JDK's own providers, that of GOST R 34.10-2012 (ECGOST3410-2012) keys, which the JDK lacks, by BouncyCastle's
 * (not installed JVM-wide): see {@link #providerFor}. Nothing is stored here; the caller keeps the evidence with the
 * application, and keeps nothing when the signature is refused.
 */
@Component
public class Signatures {

	private static final Logger log = LoggerFactory.getLogger(Signatures.class);

	static final Provider PROVIDER = new BouncyCastleProvider();

	private final Set<TrustAnchor> roots;
	private final List<X509Certificate> intermediates;
	private final Revocations revocations;
	private final Clock clock;

	Signatures(SignatureProperties properties, Clock clock) {
		this.roots = read(properties.trustedRoots()).stream()
			.map(root -> new TrustAnchor(root, null))
			.collect(Collectors.toUnmodifiableSet());
		this.intermediates = read(properties.intermediates());
		this.revocations = new Revocations(properties);
		this.clock = clock;
		if (roots.isEmpty()) {
			log.warn("No trusted roots (elorda.signature.trusted-roots): every signature will be refused as untrusted");
		}
		else {
			log.info("Signatures are trusted when they chain to {}",
					roots.stream().map(root -> root.getTrustedCert().getSubjectX500Principal().getName()).toList());
		}
	}

	/**
	 * Verifies that {@code cms} is the applicant's valid signature of {@code content}.
	 *
	 * @param content the exact bytes the applicant was asked to sign (the canonical form of the application)
	 * @param cms the DER-encoded CMS SignedData NCALayer returned (decoded from its Base64)
	 * @param applicant the IIN the signature must belong to: the logged-in applicant's
	 * @return what was verified, to keep with the application
	 * @throws SignatureRefused when the signature is not accepted, with the reason; only a
	 * {@link SignatureRefused#retryable() retryable} refusal may succeed later with the same signature
	 */
	public SignatureEvidence verify(byte[] content, byte[] cms, Iin applicant) {
		Instant now = clock.instant();
		CMSSignedData signed = signedData(content, cms);
		if (signed.getSignerInfos().size() != 1) {
			throw new SignatureRefused(Reason.MALFORMED, signed.getSignerInfos().size() + " signers instead of one");
		}
		SignerInformation signer = signed.getSignerInfos().iterator().next();
		Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
		if (matches.size() != 1) {
			throw new SignatureRefused(Reason.MALFORMED, "the signer's certificate is not in the signature");
		}
		X509CertificateHolder holder = matches.iterator().next();
		Provider provider = providerFor(holder.getSubjectPublicKeyInfo());
		X509Certificate certificate = certificate(holder, provider);
		verifySignature(signer, certificate, provider);

		Instant signingTime = signingTime(signer);
		validAt(certificate, signingTime == null ? now : signingTime, "at signing time");
		validAt(certificate, now, "now");
		X509Certificate issuer = issuer(certificate, signed, now, provider);

		boolean[] keyUsage = certificate.getKeyUsage();
		if (keyUsage == null || !keyUsage[1]) {
			throw new SignatureRefused(Reason.NOT_A_SIGNING_KEY, "the key usage has no nonRepudiation");
		}
		NcaCertificate owner = NcaCertificate.of(holder);
		if (owner.organisation()) {
			throw new SignatureRefused(Reason.ORGANISATION_CERTIFICATE, "the certificate is a legal entity's");
		}
		String iin = owner.iin()
			.orElseThrow(() -> new SignatureRefused(Reason.IIN_MISMATCH, "the subject has no SERIALNUMBER=IIN…"));
		if (!iin.equals(applicant.value())) {
			throw new SignatureRefused(Reason.IIN_MISMATCH, "the certificate is " + masked(iin) + "'s, not "
					+ applicant.masked() + "'s");
		}

		SignatureEvidence.Revocation revocation = revocations.check(holder, holder(issuer), now);
		return new SignatureEvidence(iin, name(holder.getSubject()), name(holder.getIssuer()),
				holder.getSerialNumber().toString(16), holder.getNotBefore().toInstant(),
				holder.getNotAfter().toInstant(), signingTime, now,
				digestName(signer.getDigestAlgorithmID().getAlgorithm().getId()),
				new DefaultCMSSignatureAlgorithmNameGenerator().getSignatureName(signer.getDigestAlgorithmID(),
						signer.toASN1Structure().getDigestEncryptionAlgorithm()),
				revocation);
	}

	/**
	 * The signature with the expected content: a detached signature gets it, an attached one must already hold
	 * exactly it.
	 */
	private static CMSSignedData signedData(byte[] content, byte[] cms) {
		try {
			CMSSignedData parsed = new CMSSignedData(cms);
			if (parsed.getSignedContent() != null
					&& !Arrays.equals((byte[]) parsed.getSignedContent().getContent(), content)) {
				throw new SignatureRefused(Reason.SIGNATURE_INVALID, "the signed content is not the application");
			}
			return new CMSSignedData(new CMSProcessableByteArray(content), cms);
		}
		catch (CMSException | RuntimeException ex) {
			if (ex instanceof SignatureRefused refused) {
				throw refused;
			}
			throw new SignatureRefused(Reason.MALFORMED, "not a CMS SignedData", ex);
		}
	}

	/**
	 * The provider for the arithmetic of a key: BouncyCastle's for GOST and the rest; null — the JDK's own providers —
	 * for RSA and ECDSA.
	 * BouncyCastle validates every RSA public key it has not seen lately with a probabilistic primality test of the
	 * modulus — milliseconds of CPU per signer, half of a submission's cost — which proves nothing here: the key is
	 * only believed when a trusted CA's chain vouches for it.
	 */
	static @Nullable Provider providerFor(SubjectPublicKeyInfo key) {
		ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
		return algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)
				|| algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) ? null : PROVIDER;
	}

	private static void verifySignature(SignerInformation signer, X509Certificate certificate,
			@Nullable Provider provider) {
		JcaSimpleSignerInfoVerifierBuilder verifier = new JcaSimpleSignerInfoVerifierBuilder();
		try {
			// verified with the bare key: the certificate's dates are checked below, with their own reasons
			if (!signer.verify((provider == null ? verifier : verifier.setProvider(provider))
				.build(certificate.getPublicKey()))) {
				throw new SignatureRefused(Reason.SIGNATURE_INVALID, "the signature does not verify");
			}
		}
		catch (CMSException | OperatorCreationException | RuntimeException ex) {
			if (ex instanceof SignatureRefused refused) {
				throw refused;
			}
			throw new SignatureRefused(Reason.SIGNATURE_INVALID, "the signature does not verify: " + ex.getMessage(),
					ex);
		}
	}

	/** The signed {@code signing-time} attribute, if the signature has one. */
	private static @Nullable Instant signingTime(SignerInformation signer) {
		AttributeTable attributes = signer.getSignedAttributes();
		Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
		if (attribute == null) {
			return null;
		}
		try {
			return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant();
		}
		catch (RuntimeException ex) {
			throw new SignatureRefused(Reason.MALFORMED, "the signing time cannot be read", ex);
		}
	}

	private static void validAt(X509Certificate certificate, Instant instant, String when) {
		if (instant.isAfter(certificate.getNotAfter().toInstant())) {
			throw new SignatureRefused(Reason.CERTIFICATE_EXPIRED,
					"expired " + certificate.getNotAfter().toInstant() + ", " + when + " is " + instant);
		}
		if (instant.isBefore(certificate.getNotBefore().toInstant())) {
			throw new SignatureRefused(Reason.CERTIFICATE_NOT_YET_VALID,
					"valid from " + certificate.getNotBefore().toInstant() + ", " + when + " is " + instant);
		}
	}

	/**
	 * The issuer of the signer's certificate on a PKIX path, valid now, from it to a trusted root; the links come
	 * from the signature and the configured intermediates. Revocation is not part of the path check: it is asked
	 * separately, for the signer's certificate.
	 */
	private X509Certificate issuer(X509Certificate certificate, CMSSignedData signed, Instant now,
			@Nullable Provider provider) {
		if (roots.isEmpty()) {
			throw new SignatureRefused(Reason.UNTRUSTED, "no trusted roots are configured");
		}
		List<X509Certificate> links = new ArrayList<>(intermediates);
		signed.getCertificates().getMatches(null).forEach(carried -> links.add(certificate(carried, provider)));
		X509CertSelector target = new X509CertSelector();
		target.setCertificate(certificate);
		try {
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(now));
			CollectionCertStoreParameters carried = new CollectionCertStoreParameters(links);
			parameters.addCertStore(provider == null ? CertStore.getInstance("Collection", carried)
					: CertStore.getInstance("Collection", carried, provider));
			CertPathBuilder builder = provider == null ? CertPathBuilder.getInstance("PKIX")
					: CertPathBuilder.getInstance("PKIX", provider);
			PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) builder.build(parameters);
			List<? extends Certificate> path = result.getCertPath().getCertificates();
			return path.size() > 1 ? (X509Certificate) path.get(1) : result.getTrustAnchor().getTrustedCert();
		}
		catch (CertPathBuilderException ex) {
			throw new SignatureRefused(Reason.UNTRUSTED, "no path to a trusted root: " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot build certificate paths", ex);
		}
	}

	private static X509Certificate certificate(X509CertificateHolder holder, @Nullable Provider provider) {
		JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
		try {
			return (provider == null ? converter : converter.setProvider(provider)).getCertificate(holder);
		}
		catch (GeneralSecurityException ex) {
			throw new SignatureRefused(Reason.MALFORMED, "a certificate in the signature cannot be read", ex);
		}
	}

	private static X509CertificateHolder holder(X509Certificate certificate) {
		try {
			return new JcaX509CertificateHolder(certificate);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The provider's name for a digest algorithm: {@code SHA-256}, {@code GOST3411-2012-256}. */
	private static String digestName(String oid) {
		Provider.Service digest = PROVIDER.getService("MessageDigest", oid);
		return digest == null ? oid : digest.getAlgorithm();
	}

	/** A distinguished name with the attribute names people read: {@code CN=…,SERIALNUMBER=IIN…,C=KZ}. */
	private static String name(X500Name name) {
		return X500Name.getInstance(BCStyle.INSTANCE, name).toString();
	}

	private static String masked(String iin) {
		return iin.substring(0, 2) + "********" + iin.substring(10);
	}

	private static List<X509Certificate> read(List<Resource> pemFiles) {
		List<X509Certificate> certificates = new ArrayList<>();
		for (Resource pem : pemFiles) {
			try (InputStream in = pem.getInputStream()) {
				CertificateFactory factory = CertificateFactory.getInstance("X.509", PROVIDER);
				factory.generateCertificates(in).forEach(read -> certificates.add((X509Certificate) read));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read certificates from " + pem, ex);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalArgumentException("not PEM certificates: " + pem, ex);
			}
		}
		return List.copyOf(certificates);
	}
}
