package kz.khc.gateway.security;

import kz.khc.gateway.portal.PageRequests;
import kz.khc.gateway.problems.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * The first line: a request to the API needs a valid token (signature, issuer, expiry checked against Keycloak's
 * keys) unless its path is public. The token is relayed to the service unchanged; roles are checked there. Public:
 * health, the API docs, the web portal's page and files, the statistics, FAQ, ranked list and programme edition reads,
 * the loan calculator, the eligibility pre-check, and the SMS provider's receipts (which carry a secret of their own that the notification
 * service checks). A browser opening any other address that is none of the API's gets the portal's not-found page, not
 * a demand to sign in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** The web portal's screens and files (kz.khc.gateway.portal). */
	private static final String[] PORTAL = { "/", "/cabinet", "/cabinet/**", "/elorda", "/elorda/**", "/staff",
			"/staff/**", "/bank", "/bank/**", "/app/**", "/css/**", "/i18n/**", "/img/**", "/favicon.svg" };

	/**
	 * What the firewall refuses before anything else (an encoded slash, percent or NUL in the path, {@code ..}, a
	 * header with control characters): a 400 problem like any other, not an empty answer.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedExchanges(Problems problems) {
		return (exchange, ex) -> problems.write(exchange, HttpStatus.BAD_REQUEST);
	}

	@Bean
	SecurityWebFilterChain edge(ServerHttpSecurity http, Problems problems) {
		return http
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/scoring/v1/statistics/**", "/api/cabinet/v1/faq", "/api/cabinet/v1/faq/**",
						"/api/scoring/v1/programmes/*/editions/*/lists/*", "/api/elorda/v1/editions", "/api/elorda/v1/editions/*",
						"/api/elorda/v1/editions/*/counters")
				.permitAll()
				// the Elorda Zhastary loan calculator (DOMAIN L1), for people deciding whether to apply
				.pathMatchers(HttpMethod.GET, "/api/elorda/v1/loan-calculator")
				.permitAll()
				// the web portal's page, modules, styles and texts (kz.khc.gateway.portal): its data needs a token
				.pathMatchers(HttpMethod.GET, PORTAL)
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, PORTAL)
				.permitAll()
				// a browser opening an address that is no screen and none of the API's: the portal's not-found page
				.matchers(exchange -> PageRequests.isPageRequest(exchange.getRequest()) ? MatchResult.match()
						: MatchResult.notMatch())
				.permitAll()
				// the portal's staff login: Keycloak's token endpoint behind this origin (the code or refresh token is
				// the credential there)
				.pathMatchers(HttpMethod.POST, "/oidc/token", "/oidc/logout")
				.permitAll()
				// the SMS provider's delivery receipts: it holds no token, the notification service checks its secret
				.pathMatchers(HttpMethod.POST, "/api/notifications/v1/provider-receipts/**")
				.permitAll()
				// the public eligibility pre-check (issue 6): the scoring service limits it per client address
				.pathMatchers(HttpMethod.POST, "/api/scoring/v1/programmes/*/assessments")
				.permitAll()
				// for people who are not signed in (DOMAIN I1, I3, I4): primary authorization, login and its refresh and
				// logout (the refresh token is the credential), the forgotten password, the email confirmation link
				.pathMatchers(HttpMethod.POST, "/api/identity/v1/registrations", "/api/identity/v1/registrations/**",
						"/api/identity/v1/sessions", "/api/identity/v1/sessions/*", "/api/identity/v1/password-resets",
						"/api/identity/v1/password-resets/**", "/api/identity/v1/email-confirmations")
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint((exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED))
				.accessDeniedHandler((exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN)))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED)))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			// stateless: the token is the credential. No web session is looked up for a request — the default
			// repository and request cache ask for one, and the in-memory store makes it on two other threads
			// (boundedElastic, then parallel): the rest of every request then ran on Reactor's parallel threads
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}
}
