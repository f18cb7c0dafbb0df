package kz.khc.gateway.pages;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /cabinet/email-confirmation?token=…}: the page the link in the confirmation letter opens (DOMAIN I4).
 * Opening it confirms nothing — mail scanners open links too — the person presses the button, which posts the token.
 */
@Configuration(proxyBeanMethods = false)
class Pages {

	@Bean
	RouterFunction<ServerResponse> emailConfirmationPage() {
		var page = new ClassPathResource("pages/email-confirmation.html");
		return RouterFunctions.route()
			.GET("/cabinet/email-confirmation", request -> ServerResponse.ok()
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore())
				.header("Referrer-Policy", "no-referrer") // the token in the address stays on this page
				.bodyValue(page))
			.build();
	}
}
