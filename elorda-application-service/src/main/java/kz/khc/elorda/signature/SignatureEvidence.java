package kz.khc.elorda.signature;

import java.math.BigInteger;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What was checked when the applicant's signature was accepted, kept with the application (as JSON) so that the
 * decision can be shown later without the network: who signed with which certificate, when, and where the
 * revocation status came from — with the OCSP responder's signed answer itself, which proves it on its own.
 *
 * @param signerIin the IIN of the certificate's {@code SERIALNUMBER=IIN…}, the applicant's
 * @param subjectDn the signer certificate's subject, e.g. {@code CN=ТЕСТОВ ТЕСТ,SERIALNUMBER=IIN…,C=KZ}
 * @param issuerDn the certificate's issuer, the CA that issued it
 * @param certificateSerial the certificate's serial number in hexadecimal
 * @param notBefore start of the certificate's validity
 * @param notAfter end of the certificate's validity
 * @param signingTime the signed {@code signing-time} attribute, when the signature has one (NCALayer adds it); it is
 * the signer's claim, checked against the certificate's validity
 * @param verifiedAt when this service verified the signature; the certificate was valid then too
 * @param digestAlgorithm the digest algorithm of the signature, e.g. {@code SHA-256}, {@code GOST3411-2012-256}
 * @param signatureAlgorithm the signature algorithm, e.g. {@code SHA256withRSA}, {@code SHA256withECDSA},
 * {@code GOST3411-2012-256withECGOST3410-2012-256}
 * @param revocation where the revocation status came from
 */
public record SignatureEvidence(String signerIin, String subjectDn, String issuerDn, String certificateSerial,
		Instant notBefore, Instant notAfter, @Nullable Instant signingTime, Instant verifiedAt, String digestAlgorithm,
		String signatureAlgorithm, Revocation revocation) {

	/**
	 * The revocation status "not revoked", as the source said it.
	 *
	 * @param source OCSP, or the CRL when the responder could not tell
	 * @param url the responder's or the CRL's address, from the certificate
	 * @param producedAt when the source produced the status: the OCSP response's {@code producedAt}, the CRL's
	 * {@code thisUpdate}
	 * @param ocspResponse the responder's DER-encoded, signed response (OCSP only)
	 * @param crlNumber the CRL's number (CRL only, when it has one)
	 */
	public record Revocation(Source source, String url, Instant producedAt, byte @Nullable [] ocspResponse,
			@Nullable BigInteger crlNumber) {
	}

	public enum Source {
		OCSP, CRL
	}
}
