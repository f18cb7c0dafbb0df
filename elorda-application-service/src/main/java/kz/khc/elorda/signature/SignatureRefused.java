package kz.khc.elorda.signature;

import org.jspecify.annotations.Nullable;

/**
 * The applicant's signature is not accepted, for {@link #reason()}. The message is for logs (it never holds an
 * IIN in full); the applicant is told the reason in their language by the web layer. Only
 * {@link Reason#REVOCATION_UNKNOWN} is worth trying again later: every other reason fails the same way until the
 * applicant signs again, with another key or other content.
 */
public final class SignatureRefused extends RuntimeException {

	private final Reason reason;

	SignatureRefused(Reason reason, String message) {
		this(reason, message, null);
	}

	SignatureRefused(Reason reason, String message, @Nullable Throwable cause) {
		// an expected outcome of checking what the applicant sent, not a defect: no stack trace
		super(reason + ": " + message, cause, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** Whether the same signature may be accepted later: the revocation status could not be learned now. */
	public boolean retryable() {
		return reason.retryable();
	}

	/** Why a signature is refused, in the order the checks run. */
	public enum Reason {

		/** Not a CMS SignedData, not exactly one signer, or the signer's certificate is not in it. */
		MALFORMED,

		/**
		 * The signature does not verify for exactly the expected bytes (a changed byte, other encapsulated content,
		 * an algorithm this service does not know).
		 */
		SIGNATURE_INVALID,

		/** The certificate had expired at signing time or has expired now. */
		CERTIFICATE_EXPIRED,

		/** The certificate was not yet valid at signing time or is not yet valid now. */
		CERTIFICATE_NOT_YET_VALID,

		/**
		 * No certificate path to a configured trusted root, or the certificate names no OCSP responder and no CRL
		 * (such a certificate cannot be checked for revocation, ever).
		 */
		UNTRUSTED,

		/** The key is not for signing: the key usage lacks nonRepudiation (an NCA authentication key, say). */
		NOT_A_SIGNING_KEY,

		/** The certificate is an organisation's (legal entity's employee or head), not the applicant's own. */
		ORGANISATION_CERTIFICATE,

		/** The certificate's {@code SERIALNUMBER=IIN…} is missing or is not the applicant's IIN. */
		IIN_MISMATCH,

		/** The OCSP responder or the CRL says the certificate is revoked. */
		REVOKED,

		/**
		 * Neither the OCSP responder nor a CRL could tell whether the certificate is revoked (down, too slow,
		 * stale or unverifiable answers): try again later; nothing may be stored.
		 */
		REVOCATION_UNKNOWN(true);

		private final boolean retryable;

		Reason() {
			this(false);
		}

		Reason(boolean retryable) {
			this.retryable = retryable;
		}

		public boolean retryable() {
			return retryable;
		}
	}
}
