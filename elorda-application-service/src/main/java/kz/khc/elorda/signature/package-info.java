/**
 * The applicant's electronic digital signature (EDS, «ЭЦП»): a CMS signature made with NCALayer over the canonical
 * bytes of an application, checked before the application is accepted — the signature itself, the certificate's
 * validity, its chain to the configured roots, a signing key of a private person whose IIN is the applicant's, and
 * revocation by OCSP with a CRL fallback. {@link kz.khc.elorda.signature.Signatures} is the feature's API; the
 * evidence it returns is kept with the application, a refusal names its reason.
 */
@NullMarked
package kz.khc.elorda.signature;

import org.jspecify.annotations.NullMarked;
