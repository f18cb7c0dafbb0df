package kz.khc.gateway.portal;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The portal's addresses. Each screen has an address of its own ({@code /cabinet/schedule}, {@code /staff/lists}
 * …), all answered with the one page, whose modules then draw the screen; the page's modules, styles and texts are
 * static resources ({@code static/}), revalidated on each load so that a new release shows at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class Portal {

	static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	@Bean
	RouterFunction<ServerResponse> portalPages(PortalProperties portal) {
		Resource page = new ClassPathResource("static/index.html");
		return RouterFunctions.route()
			// the screen the link in the confirmation letter opens (DOMAIN I4): the token in its address stays there
			.GET("/cabinet/email-confirmation",
					request -> page(page, portal, CacheControl.noStore(), "no-referrer"))
			.GET("/app/config.json", request -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noCache())
				.bodyValue(portal.browserSettings()))
			.GET("/", request -> page(page, portal))
			.GET("/{area:cabinet|elorda|staff|bank}", request -> page(page, portal))
			.GET("/{area:cabinet|elorda|staff|bank}/**", request -> page(page, portal))
			.build();
	}

	private static Mono<ServerResponse> page(Resource page, PortalProperties portal) {
		return page(page, portal, CacheControl.noCache(), "same-origin");
	}

	private static Mono<ServerResponse> page(Resource page, PortalProperties portal, CacheControl cache,
			String referrerPolicy) {
		return ServerResponse.ok()
			.contentType(HTML)
			.cacheControl(cache)
			.header("Content-Security-Policy", portal.contentSecurityPolicy())
			.header("Referrer-Policy", referrerPolicy)
			.bodyValue(page);
	}
}
