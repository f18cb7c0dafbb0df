package kz.khc.gateway.portal;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A browser opening an address: a GET or HEAD that prefers an HTML page to problem details ({@code Accept} names
 * {@code text/html} and ranks it above JSON, as browsers' navigations do) for a path that is none of the API's, the
 * identity provider's, the operations' or the page's own files. Such an address that is no screen gets the portal's
 * page with 404, whose router shows its not-found screen; everyone else (API clients: JSON, {@code *}{@code /*} or no
 * {@code Accept}) keeps problem details.
 */
public final class PageRequests {

	/** Not screens: the API and its documentation, Keycloak's endpoints, the operations' and the page's files. */
	private static final List<PathPattern> NOT_SCREENS = List.of("/api/**", "/oidc/**", "/actuator/**", "/v3/**",
			"/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/app/**", "/css/**", "/i18n/**", "/img/**",
			"/favicon.svg")
		.stream()
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	private static final List<MediaType> API_TYPES = List.of(MediaType.APPLICATION_JSON,
			MediaType.APPLICATION_PROBLEM_JSON);

	private PageRequests() {
	}

	/** Whether the request is a browser opening an address that, if it is no screen, answers the not-found page. */
	public static boolean isPageRequest(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
				&& NOT_SCREENS.stream().noneMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()))
				&& prefersHtml(request);
	}

	private static boolean prefersHtml(ServerHttpRequest request) {
		try {
			return prefersHtml(request.getHeaders().getAccept());
		}
		catch (InvalidMediaTypeException malformed) {
			return false;
		}
	}

	/** {@code text/html} named and ranked strictly above anything that would take JSON (wildcards included). */
	static boolean prefersHtml(List<MediaType> accepted) {
		double html = 0;
		double json = 0;
		for (MediaType type : accepted) {
			if (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)) {
				html = Math.max(html, type.getQualityValue());
			}
			else if (API_TYPES.stream().anyMatch(type::includes)) {
				json = Math.max(json, type.getQualityValue());
			}
		}
		return html > json;
	}
}
