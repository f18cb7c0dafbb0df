package kz.khc.gateway.portal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the portal's page needs to know besides the gateway's own address.
 *
 * @param keycloakUrl where browsers reach Keycloak: staff sign in on its login page (authorization code with PKCE;
 * the code is exchanged through this gateway, {@code /oidc/token})
 * @param realm the suite's realm
 * @param clientId the portal's public client in the realm
 * @param signerUrl where the applicant's signing tool listens: NCALayer in production, the demo signer in the local
 * run
 */
@ConfigurationProperties("portal")
record PortalProperties(URI keycloakUrl, String realm, String clientId, URI signerUrl) {

	/** The page's settings, as the browser reads them from {@code /app/config.json}. */
	record BrowserSettings(String keycloakUrl, String realm, String clientId, String signerUrl) {
	}

	BrowserSettings browserSettings() {
		return new BrowserSettings(keycloakUrl.toString(), realm, clientId, signerUrl.toString());
	}

	/**
	 * The page runs only its own scripts and styles (no inline code), talks only to this gateway (Keycloak's token
	 * endpoint too is behind it: {@code /oidc/token}) and the signing tool, and is framed by nobody.
	 */
	String contentSecurityPolicy() {
		return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
				"img-src 'self' data:", "connect-src 'self' " + origin(signerUrl), "form-action 'self'",
				"frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'");
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}
}
