package kz.khc.identity.suite;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * This service's own token (client credentials of registration {@code suite}), asked for once and reused until it
 * expires, put on every call to the other services and to Keycloak's admin API.
 */
@Configuration(proxyBeanMethods = false)
class SuiteToken {

	@Bean
	OAuth2ClientHttpRequestInterceptor suiteTokenInterceptor(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService tokens) {
		var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		var withToken = new OAuth2ClientHttpRequestInterceptor(manager);
		withToken.setClientRegistrationIdResolver(request -> "suite");
		// the token is this service's own, whoever the request is for
		withToken.setPrincipalResolver(
				request -> UsernamePasswordAuthenticationToken.authenticated("identity-service", null, List.of()));
		return withToken;
	}
}
