/**
 * The local run's stand-in for the national certification authority and for NCALayer: the demo CA
 * ({@link kz.khc.deploy.signing.DemoCa}) that issues citizens signing certificates and signs for them, and the
 * {@link kz.khc.deploy.signing.NcaSimulator} serving its OCSP responder, its CRL and the demo signer over HTTP. Not a
 * real CA: only the local run trusts it.
 */
@NullMarked
package kz.khc.deploy.signing;

import org.jspecify.annotations.NullMarked;
