package kz.khc.deploy.providers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The stubs in deploy/sms-simulator as the notification service meets them, with a stand-in receipt endpoint. */
class SmsSimulatorTest {

	private static final Path STUBS = Path.of(System.getProperty("suite.repo.root", ".."), "deploy/sms-simulator");
	private static final HttpClient http = HttpClient.newHttpClient();

	private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
	private HttpServer receiver;
	private SmsSimulator simulator;

	record Receipt(Instant at, String token, String contentType, String body) {
	}

	@BeforeEach
	void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/receipts", exchange -> {
			receipts.add(new Receipt(Instant.now(), exchange.getRequestHeaders().getFirst("X-Receipt-Token"),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		simulator = SmsSimulator.start(STUBS, freePort(),
				URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/receipts"));
	}

	@AfterEach
	void stop() {
		simulator.close();
		receiver.stop(0);
	}

	@Test
	void takesAMessageAnswersWithOurIdAndReportsItDeliveredASecondLater() throws Exception {
		String id = UUID.randomUUID().toString();
		Instant sent = Instant.now();

		HttpResponse<String> answer = send(SmsSimulator.API_KEY, """
				{"recipient":"77011234567","from":"KZhK","text":"Сізге жолдама берілді","params":{"name":"%s","validity":1440}}"""
			.formatted(id));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body().replace(" ", "")).startsWith("{\"code\":0,").contains("\"messageId\":\"" + id + "\"");
		await().atMost(Duration.ofSeconds(10)).until(() -> !receipts.isEmpty());
		Receipt receipt = receipts.getFirst();
		assertThat(receipt.token()).isEqualTo(SmsSimulator.RECEIPT_TOKEN);
		assertThat(receipt.contentType()).startsWith("application/json");
		assertThat(receipt.body()).isEqualTo("{\"messageId\":\"" + id + "\",\"status\":\"DELIVRD\"}");
		assertThat(Duration.between(sent, receipt.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));

		assertThat(simulator.received()).singleElement().satisfies(sms -> {
			assertThat(sms.to()).isEqualTo("77011234567");
			assertThat(sms.from()).isEqualTo("KZhK");
			assertThat(sms.text()).isEqualTo("Сізге жолдама берілді");
			assertThat(sms.messageId()).isEqualTo(id);
			assertThat(sms.accepted()).isTrue();
		});
	}

	@Test
	void withoutTheRightApiKeyTheAnswerIs401AndNoReceiptFollows() throws Exception {
		String body = """
				{"recipient":"77011234567","from":"KZhK","text":"x","params":{"name":"%s","validity":1440}}"""
			.formatted(UUID.randomUUID());

		for (String key : new String[] { null, "wrong-key" }) {
			HttpResponse<String> answer = send(key, body);
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.body().replace(" ", "")).contains("\"code\":\"AUTH\"").contains("\"message\":");
		}

		assertThat(simulator.received()).hasSize(2).allSatisfy(sms -> {
			assertThat(sms.accepted()).isFalse();
			assertThat(sms.providerCode()).isEqualTo("AUTH");
		});
		// the accepted path posts its receipt after 1 s; nothing may come for these
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(receipts::isEmpty);
	}

	@Test
	void anInvalidRequestIsRefusedForGoodWithCode1() throws Exception {
		HttpResponse<String> answer = send(SmsSimulator.API_KEY,
				"{\"recipient\":\"+7 701\",\"from\":\"KZhK\",\"text\":\"x\",\"params\":{\"name\":\"a\",\"validity\":1}}");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body().replace(" ", "")).startsWith("{\"code\":1,");
		assertThat(simulator.received()).singleElement().satisfies(sms -> assertThat(sms.accepted()).isFalse());
	}

	@Test
	void faultsReplaceTheAnswerUntilHealedAndTheCaptchaIsUnaffected() throws Exception {
		String body = """
				{"recipient":"77011234567","from":"KZhK","text":"x","params":{"name":"%s","validity":1440}}""";

		simulator.fail(SmsSimulator.Fault.SERVER_ERROR);
		assertThat(send(SmsSimulator.API_KEY, body.formatted(UUID.randomUUID())).statusCode()).isEqualTo(500);
		assertThat(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/recaptcha/api/siteverify"))
			.POST(HttpRequest.BodyPublishers.ofString("response=ok")).build(), HttpResponse.BodyHandlers.ofString())
			.body()).contains("\"success\"");
		simulator.heal();
		for (SmsSimulator.Fault fault : List.of(SmsSimulator.Fault.CONNECTION_RESET, SmsSimulator.Fault.EMPTY_RESPONSE)) {
			simulator.fail(fault);
			assertThatThrownBy(() -> send(SmsSimulator.API_KEY, body.formatted(UUID.randomUUID())))
				.as(fault.name()).isInstanceOf(IOException.class);
			simulator.heal();
		}

		simulator.slowDown(Duration.ofMillis(1200));
		String slow = UUID.randomUUID().toString();
		Instant sent = Instant.now();
		HttpResponse<String> late = send(SmsSimulator.API_KEY, body.formatted(slow));
		assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
		assertThat(late.body().replace(" ", "")).startsWith("{\"code\":0,").contains(slow);
		assertThat(simulator.received().getFirst().late()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> receipts.stream().anyMatch(r -> r.body().contains(slow)));

		simulator.heal();
		sent = Instant.now();
		assertThat(send(SmsSimulator.API_KEY, body.formatted(UUID.randomUUID())).body()).contains("\"code\":0");
		assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofMillis(1200));
		assertThat(simulator.received()).filteredOn(SmsSimulator.Sms::accepted).hasSize(2)
			.extracting(SmsSimulator.Sms::late).containsExactly(false, true); // newest first
	}

	private HttpResponse<String> send(String apiKey, String json) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/service/message/sendsmsmessage"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (apiKey != null) {
			request.header("X-API-Key", apiKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
