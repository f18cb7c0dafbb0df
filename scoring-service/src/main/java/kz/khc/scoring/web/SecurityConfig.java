package kz.khc.scoring.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint needs a valid Keycloak token except health, metrics, the API description, the public
 * statistics and the public eligibility pre-check; roles come from the token's {@code roles} claim and are
 * checked per endpoint with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/scoring/v1/statistics/**")
				.permitAll()
				// the public eligibility pre-check: nothing stored, limited per client address
				.requestMatchers(HttpMethod.POST, "/api/scoring/v1/programmes/*/assessments")
				.permitAll()
				// the public ranked lists (positions, points, masked IINs); their entries and exports are staff's
				.requestMatchers(HttpMethod.GET, "/api/scoring/v1/programmes/*/editions/*/lists/*")
				.permitAll()
				// writes a wrong role may not even have read: refused before the body is (the methods say it again)
				.requestMatchers(HttpMethod.GET, "/api/scoring/v1/audit")
				.hasRole("akimat-officer")
				.requestMatchers(HttpMethod.PUT, "/api/scoring/v1/programmes/*/editions/*/lists/*/quota")
				.hasRole("akimat-officer")
				.requestMatchers(HttpMethod.POST, "/api/scoring/v1/directions/*/annulment")
				.hasRole("akimat-officer")
				.requestMatchers(HttpMethod.POST, "/api/scoring/v1/directions/*/outcomes")
				.hasRole("bank-officer")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/** Writes 401 and 403 raised by the security filters as problem details too. */
	@org.springframework.stereotype.Component
	static class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

		private final Problems problems;
		private final LocaleResolver locales;
		private final JsonMapper json;

		ProblemWriter(Problems problems, LocaleResolver locales, JsonMapper json) {
			this.problems = problems;
			this.locales = locales;
			this.json = json;
		}

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException ex) throws IOException {
			response.setHeader("WWW-Authenticate", "Bearer");
			write(response, problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", locales.resolveLocale(request)));
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
				throws IOException {
			write(response, problems.of(HttpStatus.FORBIDDEN, "forbidden", locales.resolveLocale(request)));
		}

		private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
			response.setStatus(problem.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), problem);
		}
	}
}
