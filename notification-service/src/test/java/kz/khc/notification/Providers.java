package kz.khc.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The outside providers, simulated behind the protocols the real ones speak: the SMS provider's HTTP API
 * (WireMock) and an SMTP server (GreenMail). One of each per test JVM; tests reset them.
 */
public final class Providers {

	public static final WireMockServer SMS = start(new WireMockServer(options().dynamicPort()));

	public static final GreenMail SMTP = startMail();

	/** Short waits, so that retries, backoff and the circuit breaker play out within a test. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("notifications.sms.base-url", SMS::baseUrl);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("notifications.sms.read-timeout", () -> "500ms");
		registry.add("notifications.sms.urgent-read-timeout", () -> "400ms");
		registry.add("notifications.delivery.poll-interval", () -> "100ms");
		registry.add("notifications.delivery.first-retry", () -> "200ms");
		registry.add("notifications.delivery.max-retry-interval", () -> "1s");
		registry.add("notifications.circuit-breaker.sliding-window-size", () -> "4");
		registry.add("notifications.circuit-breaker.minimum-number-of-calls", () -> "4");
		registry.add("notifications.circuit-breaker.wait-in-open-state", () -> "2s");
		registry.add("notifications.circuit-breaker.permitted-calls-in-half-open-state", () -> "1");
	}

	private static WireMockServer start(WireMockServer server) {
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	private Providers() {
	}
}
