package kz.khc.elorda.signature;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How signatures are checked. Without trusted roots every signature is refused as untrusted: production lists the
 * national CA's (NCA RK, pki.gov.kz) root, the local run its demo CA's.
 *
 * @param trustedRoots PEM files of the root certificates a signer's chain must end at (each may hold several),
 * e.g. {@code file:/etc/elorda/nca-root.pem} or {@code classpath:demo-ca.pem}
 * @param intermediates PEM files of intermediate CA certificates, for signatures that carry only the signer's own
 * certificate (NCALayer's do); not trusted by themselves, only links of a chain to a root
 * @param ocspTimeout how long one OCSP exchange may take
 * @param crlTimeout how long one CRL download may take (national CRLs are megabytes)
 * @param attempts how many times the OCSP responder, then each CRL, is asked before giving up (the first included)
 * @param backoff the wait before the second attempt, doubled before each further one
 */
@ConfigurationProperties("elorda.signature")
record SignatureProperties(@DefaultValue List<Resource> trustedRoots, @DefaultValue List<Resource> intermediates,
		@DefaultValue("5s") Duration ocspTimeout, @DefaultValue("10s") Duration crlTimeout,
		@DefaultValue("3") int attempts, @DefaultValue("200ms") Duration backoff) {

	SignatureProperties {
		if (attempts < 1) {
			throw new IllegalArgumentException("elorda.signature.attempts must be at least 1");
		}
	}
}
