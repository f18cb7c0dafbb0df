package kz.khc.elorda.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import kz.khc.elorda.signature.SignatureEvidence.Revocation;
import kz.khc.elorda.signature.SignatureEvidence.Source;
import kz.khc.elorda.signature.SignatureRefused.Reason;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a certificate is revoked: its OCSP responder first (the addresses of its authority information access),
 * then its CRLs (its distribution points), each asked a bounded number of times with a short, growing wait — the
 * national OCSP is known to fail now and then. An answer counts only when it is about this certificate, recent and
 * signed by its CA (or, for OCSP, by a responder the CA delegated with {@code id-kp-OCSPSigning}); any other answer
 * is as good as none. When no source can tell, the outcome is {@link Reason#REVOCATION_UNKNOWN}, which the caller
 * may try again later. A CRL is kept until its {@code nextUpdate}, so that an OCSP outage does not download it for
 * every signature.
 */
class Revocations {

	private static final Logger log = LoggerFactory.getLogger(Revocations.class);

	/** How far the clocks of this service, the responder and the CA may differ. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final HttpClient http;
	private final Duration ocspTimeout;
	private final Duration crlTimeout;
	private final Retry ocspRetry;
	private final Retry crlRetry;
	private final SecureRandom random = new SecureRandom();
	private final Map<URI, X509CRLHolder> crls = new ConcurrentHashMap<>();

	Revocations(SignatureProperties properties) {
		this.ocspTimeout = properties.ocspTimeout();
		this.crlTimeout = properties.crlTimeout();
		this.http = HttpClient.newBuilder()
			.connectTimeout(min(ocspTimeout, crlTimeout))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		RetryConfig retry = RetryConfig.custom()
			.maxAttempts(properties.attempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(properties.backoff(), 2))
			.retryOnException(ex -> ex instanceof IOException || ex instanceof Unreachable)
			.build();
		this.ocspRetry = logged(Retry.of("ocsp", retry));
		this.crlRetry = logged(Retry.of("crl", retry));
	}

	/**
	 * The certificate's revocation status as of {@code now}.
	 *
	 * @param issuer the certificate's issuer, whose key signed the CRL or the OCSP response (or the responder's
	 * certificate)
	 * @throws SignatureRefused {@link Reason#REVOKED}, {@link Reason#REVOCATION_UNKNOWN}, or
	 * {@link Reason#UNTRUSTED} when the certificate names no OCSP responder and no CRL at all
	 */
	Revocation check(X509CertificateHolder certificate, X509CertificateHolder issuer, Instant now) {
		List<URI> responders = ocspUrls(certificate);
		List<URI> crlUrls = crlUrls(certificate);
		if (responders.isEmpty() && crlUrls.isEmpty()) {
			throw new SignatureRefused(Reason.UNTRUSTED, "the certificate names no OCSP responder and no CRL");
		}
		List<String> failures = new ArrayList<>();
		for (URI url : responders) {
			try {
				return ocsp(url, certificate, issuer, now);
			}
			catch (Unusable ex) {
				log.warn("OCSP {} could not tell whether certificate {} is revoked: {}", url,
						certificate.getSerialNumber().toString(16), ex.getMessage());
				failures.add("OCSP " + url + ": " + ex.getMessage());
			}
		}
		for (URI url : crlUrls) {
			try {
				return crl(url, certificate, issuer, now);
			}
			catch (Unusable ex) {
				log.warn("CRL {} could not tell whether certificate {} is revoked: {}", url,
						certificate.getSerialNumber().toString(16), ex.getMessage());
				failures.add("CRL " + url + ": " + ex.getMessage());
			}
		}
		throw new SignatureRefused(Reason.REVOCATION_UNKNOWN, String.join("; ", failures));
	}

	private Revocation ocsp(URI url, X509CertificateHolder certificate, X509CertificateHolder issuer, Instant now)
			throws Unusable {
		CertificateID id;
		Extension nonce;
		byte[] request;
		try {
			id = new CertificateID(sha1(), issuer, certificate.getSerialNumber());
			byte[] value = new byte[16];
			random.nextBytes(value);
			nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
					new DEROctetString(value).getEncoded());
			request = new OCSPReqBuilder().addRequest(id)
				.setRequestExtensions(new Extensions(nonce))
				.build()
				.getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot build an OCSP request", ex);
		}
		HttpRequest exchange = HttpRequest.newBuilder(url)
			.timeout(ocspTimeout)
			.header("Content-Type", "application/ocsp-request")
			.header("Accept", "application/ocsp-response")
			.POST(HttpRequest.BodyPublishers.ofByteArray(request))
			.build();
		byte[] raw = fetch(ocspRetry, exchange, Revocations::successfulOcsp);
		BasicOCSPResp response;
		try {
			response = (BasicOCSPResp) new OCSPResp(raw).getResponseObject();
		}
		catch (Exception ex) {
			throw new Unusable("not a basic OCSP response", ex);
		}
		verifyResponder(response, issuer, now);
		Extension echoed = response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
		// a responder may leave the nonce out (pre-produced responses); one it puts in must be ours
		if (echoed != null && !Arrays.equals(echoed.getExtnValue().getOctets(), nonce.getExtnValue().getOctets())) {
			throw new Unusable("the response's nonce is not the request's");
		}
		SingleResp answer = Arrays.stream(response.getResponses())
			.filter(single -> single.getCertID().equals(id))
			.findFirst()
			.orElseThrow(() -> new Unusable("the response is not about this certificate"));
		current(answer.getThisUpdate(), answer.getNextUpdate(), now);
		CertificateStatus status = answer.getCertStatus();
		if (status instanceof RevokedStatus revoked) {
			throw new SignatureRefused(Reason.REVOKED,
					"OCSP " + url + ": revoked at " + revoked.getRevocationTime().toInstant());
		}
		if (status != CertificateStatus.GOOD) {
			throw new Unusable("the responder does not know the certificate");
		}
		return new Revocation(Source.OCSP, url.toString(), response.getProducedAt().toInstant(), raw, null);
	}

	/** The response when the responder answered at all; {@code tryLater} and {@code internalError} are asked again. */
	private static byte[] successfulOcsp(byte[] body) throws Unusable, Unreachable {
		OCSPResp response;
		try {
			response = new OCSPResp(body);
		}
		catch (IOException | RuntimeException ex) {
			throw new Unusable("not an OCSP response", ex);
		}
		return switch (response.getStatus()) {
			case OCSPResp.SUCCESSFUL -> body;
			case OCSPResp.TRY_LATER, OCSPResp.INTERNAL_ERROR ->
				throw new Unreachable("the responder answered status " + response.getStatus());
			default -> throw new Unusable("the responder refused the request with status " + response.getStatus());
		};
	}

	/**
	 * The response is signed by the issuer itself, or by a responder certificate in the response that the issuer
	 * signed for OCSP signing and that is valid now.
	 */
	private static void verifyResponder(BasicOCSPResp response, X509CertificateHolder issuer, Instant now)
			throws Unusable {
		RespID responderId = response.getResponderId();
		X509CertificateHolder responder = Stream
			.concat(Stream.of(issuer), Arrays.stream(response.getCerts()))
			.filter(candidate -> identifies(responderId, candidate))
			.findFirst()
			.orElseThrow(() -> new Unusable("the responder is neither the issuer nor a certificate in the response"));
		try {
			if (responder != issuer) {
				ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
				if (!responder.getIssuer().equals(issuer.getSubject())
						|| !responder.isSignatureValid(verifier(issuer))
						|| usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
						|| !responder.isValidOn(Date.from(now))) {
					throw new Unusable("the responder's certificate is not the issuer's delegate for OCSP");
				}
			}
			if (!response.isSignatureValid(verifier(responder))) {
				throw new Unusable("the response's signature is not the responder's");
			}
		}
		catch (Unusable ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new Unusable("the response's signature cannot be verified", ex);
		}
	}

	private static boolean identifies(RespID id, X509CertificateHolder candidate) {
		try {
			return id.equals(new RespID(candidate.getSubject()))
					|| id.equals(new RespID(candidate.getSubjectPublicKeyInfo(), sha1()));
		}
		catch (Exception ex) {
			return false;
		}
	}

	private Revocation crl(URI url, X509CertificateHolder certificate, X509CertificateHolder issuer, Instant now)
			throws Unusable {
		X509CRLHolder crl = crls.get(url);
		// kept until its nextUpdate; fetched again when this clock is behind its thisUpdate (the clock was corrected)
		if (crl == null || crl.getNextUpdate() == null || !crl.getNextUpdate().toInstant().isAfter(now)
				|| crl.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
			HttpRequest exchange = HttpRequest.newBuilder(url).timeout(crlTimeout).GET().build();
			crl = fetch(crlRetry, exchange, body -> {
				try {
					return new X509CRLHolder(body);
				}
				catch (IOException | RuntimeException ex) {
					throw new Unusable("not a CRL", ex);
				}
			});
		}
		try {
			if (!crl.getIssuer().equals(issuer.getSubject()) || !crl.isSignatureValid(verifier(issuer))) {
				throw new Unusable("the CRL is not signed by the certificate's issuer");
			}
		}
		catch (Unusable ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new Unusable("the CRL's signature cannot be verified", ex);
		}
		current(crl.getThisUpdate(), crl.getNextUpdate(), now);
		crls.put(url, crl);
		if (crl.getRevokedCertificate(certificate.getSerialNumber()) != null) {
			throw new SignatureRefused(Reason.REVOKED, "CRL " + url + ": revoked at "
					+ crl.getRevokedCertificate(certificate.getSerialNumber()).getRevocationDate().toInstant());
		}
		Extension number = crl.getExtension(Extension.cRLNumber);
		BigInteger crlNumber = number == null ? null : CRLNumber.getInstance(number.getParsedValue()).getCRLNumber();
		return new Revocation(Source.CRL, url.toString(), crl.getThisUpdate().toInstant(), null, crlNumber);
	}

	/** Status information is current from its {@code thisUpdate} until its {@code nextUpdate}, give or take skew. */
	private static void current(Date thisUpdate, @Nullable Date nextUpdate, Instant now) throws Unusable {
		if (thisUpdate.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
			throw new Unusable("the status is from the future: " + thisUpdate.toInstant());
		}
		if (nextUpdate != null && nextUpdate.toInstant().isBefore(now.minus(CLOCK_SKEW))) {
			throw new Unusable("the status is stale since " + nextUpdate.toInstant());
		}
	}

	/**
	 * One HTTP exchange, made again while it fails to answer (an I/O error, a timeout, a status other than 200, or
	 * what {@code read} calls {@link Unreachable}), at most the configured number of attempts in all.
	 */
	private <T> T fetch(Retry retry, HttpRequest request, Reader<T> read) throws Unusable {
		Callable<T> exchange = () -> {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new Unreachable("HTTP " + response.statusCode());
			}
			return read.read(response.body());
		};
		try {
			return retry.executeCallable(exchange);
		}
		catch (Unusable ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unusable("interrupted", ex);
		}
		catch (Exception ex) {
			throw new Unusable("no answer after " + retry.getRetryConfig().getMaxAttempts() + " attempts: " + ex,
					ex);
		}
	}

	private static List<URI> ocspUrls(X509CertificateHolder certificate) {
		AuthorityInformationAccess access = AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
		if (access == null) {
			return List.of();
		}
		return uris(Arrays.stream(access.getAccessDescriptions())
			.filter(description -> description.getAccessMethod().equals(AccessDescription.id_ad_ocsp))
			.map(AccessDescription::getAccessLocation));
	}

	private static List<URI> crlUrls(X509CertificateHolder certificate) {
		CRLDistPoint points = CRLDistPoint.fromExtensions(certificate.getExtensions());
		if (points == null) {
			return List.of();
		}
		return uris(Arrays.stream(points.getDistributionPoints())
			.map(DistributionPoint::getDistributionPoint)
			.filter(name -> name != null && name.getType() == DistributionPointName.FULL_NAME)
			.flatMap(name -> Arrays.stream(GeneralNames.getInstance(name.getName()).getNames())));
	}

	/** The HTTP(S) addresses among the names; LDAP and others are not followed. */
	private static List<URI> uris(Stream<GeneralName> names) {
		return names.filter(name -> name.getTagNo() == GeneralName.uniformResourceIdentifier)
			.map(name -> name.getName().toString())
			.filter(uri -> uri.startsWith("http://") || uri.startsWith("https://"))
			.map(URI::create)
			.toList();
	}

	private static ContentVerifierProvider verifier(X509CertificateHolder certificate) throws Exception {
		JcaContentVerifierProviderBuilder builder = new JcaContentVerifierProviderBuilder();
		@Nullable Provider provider = Signatures.providerFor(certificate.getSubjectPublicKeyInfo());
		return (provider == null ? builder : builder.setProvider(provider)).build(certificate);
	}

	private static DigestCalculator sha1() throws Exception {
		// RFC 6960's CertID and key-hash responder ids are SHA-1, which every responder understands
		return new JcaDigestCalculatorProviderBuilder().setProvider(Signatures.PROVIDER)
			.build()
			.get(CertificateID.HASH_SHA1);
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static Retry logged(Retry retry) {
		retry.getEventPublisher()
			.onRetry(event -> log.info("{} attempt {} failed, trying again in {}: {}", event.getName(),
					event.getNumberOfRetryAttempts(), event.getWaitInterval(), event.getLastThrowable().toString()));
		return retry;
	}

	@FunctionalInterface
	private interface Reader<T> {

		T read(byte[] body) throws Unusable, Unreachable;
	}

	/** The source did not answer, or answered "try later": worth asking again. */
	private static final class Unreachable extends Exception {

		Unreachable(String message) {
			super(message, null, false, false);
		}
	}

	/** The source's answer cannot be used (not about this certificate, unsigned, stale, ...): asking again won't do. */
	private static final class Unusable extends Exception {

		Unusable(String message) {
			this(message, null);
		}

		Unusable(String message, @Nullable Throwable cause) {
			super(message, cause, false, false);
		}
	}
}
