package kz.khc.gateway.portal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the portal's page needs to know besides the gateway's own address.
 *
 * @param keycloakUrl where browsers reach Keycloak: staff sign in on its login page (authorization code with PKCE;
 * the code is exchanged through this gateway, {@code /oidc/token})
 * @param realm the suite's realm
 * @param clientId the portal's public client in the realm
 * @param signerUrl the WebSocket of the applicant's signing tool: NCALayer's {@code wss://127.0.0.1:13579} in
 * production, the demo NCALayer in the local run (the same protocol)
 * @param captcha the "I am not a robot" check of the cabinet's code requests (DOMAIN I1): {@code demo} — the local
 * run's simulated provider accepts any token, so the page shows a plain checkbox that gives the token {@code demo}
 */
@ConfigurationProperties("portal")
record PortalProperties(URI keycloakUrl, String realm, String clientId, URI signerUrl,
		@DefaultValue("demo") String captcha) {

	/** The page's settings, as the browser reads them from {@code /app/config.json}. */
	record BrowserSettings(String keycloakUrl, String realm, String clientId, String signerUrl, String captcha) {
	}

	BrowserSettings browserSettings() {
		return new BrowserSettings(keycloakUrl.toString(), realm, clientId, signerUrl.toString(), captcha);
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
