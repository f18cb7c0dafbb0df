package kz.khc.gateway.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * The portal's addresses. Each screen has an address of its own ({@code /cabinet/schedule}, {@code /staff/lists}
 * …), all answered with the one page, whose modules then draw the screen; the page's modules, styles and texts are
 * static resources ({@code static/}), revalidated on each load so that a new release shows at once. A browser opening an
 * address that is no screen and none of the API's ({@link PageRequests}) gets the page too, with 404: its router shows
 * the not-found screen.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class Portal {

	static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static final Resource PAGE = new ClassPathResource("static/index.html");

	@Bean
	RouterFunction<ServerResponse> portalPages(PortalProperties portal) {
		return RouterFunctions.route()
			// the screen the link in the confirmation letter opens (DOMAIN I4): the token in its address stays there
			.GET("/cabinet/email-confirmation",
					request -> page(portal, CacheControl.noStore(), "no-referrer"))
			.GET("/app/config.json", request -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noCache())
				.bodyValue(portal.browserSettings()))
			.GET("/", request -> page(portal))
			.GET("/{area:cabinet|elorda|staff|bank}", request -> page(portal))
			.GET("/{area:cabinet|elorda|staff|bank}/**", request -> page(portal))
			// the page's file is no screen: its own address is unknown too (and never without the page's headers)
			.GET("/index.html", request -> page(portal, HttpStatus.NOT_FOUND, CacheControl.noCache(), "same-origin"))
			.build();
	}

	/**
	 * An address nothing answered (404) that a browser opened as a page: the page, with 404 and the pages' headers,
	 * instead of the problem details the edge's handler ({@code kz.khc.gateway.problems}, next in line) gives API
	 * clients. It runs before that handler.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebExceptionHandler unknownAddressPage(PortalProperties portal, ServerCodecConfigurer codecs) {
		ServerResponse.Context context = new ServerResponse.Context() {
			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}
		};
		return (exchange, ex) -> {
			if (!isNotFound(ex) || exchange.getResponse().isCommitted()
					|| !PageRequests.isPageRequest(exchange.getRequest())) {
				return Mono.error(ex);
			}
			return page(portal, HttpStatus.NOT_FOUND, CacheControl.noCache(), "same-origin")
				.flatMap(response -> response.writeTo(exchange, context));
		};
	}

	private static boolean isNotFound(@Nullable Throwable ex) {
		return ex instanceof ResponseStatusException status && status.getStatusCode().value() == 404;
	}

	private static Mono<ServerResponse> page(PortalProperties portal) {
		return page(portal, CacheControl.noCache(), "same-origin");
	}

	private static Mono<ServerResponse> page(PortalProperties portal, CacheControl cache,
			String referrerPolicy) {
		return page(portal, HttpStatus.OK, cache, referrerPolicy);
	}

	private static Mono<ServerResponse> page(PortalProperties portal, HttpStatus status, CacheControl cache,
			String referrerPolicy) {
		return ServerResponse.status(status)
			.contentType(HTML)
			.cacheControl(cache)
			.header("Content-Security-Policy", portal.contentSecurityPolicy())
			.header("Referrer-Policy", referrerPolicy)
			.bodyValue(PAGE);
	}
}
