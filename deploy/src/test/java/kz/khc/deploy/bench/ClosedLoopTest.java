package kz.khc.deploy.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The closed loop over requests that can be sent once each (the intake benchmark's submissions). */
class ClosedLoopTest {

	private HttpServer server;
	/** The paths the server was asked, each with how often. */
	private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
	private ClosedLoop loop;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		// /n answers 200, but 409 for every tenth and 503 for every 25th
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			asked.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			int n = Integer.parseInt(path.substring(1));
			int status = n % 25 == 0 ? 503 : n % 10 == 0 ? 409 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		loop = new ClosedLoop(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void drainsTheSupplySendingEachRequestOnceAndCountsTheErrorsByStatus() throws Exception {
		List<HttpRequest> requests = requests(1, 100);
		var next = new AtomicInteger();

		long now = System.nanoTime();
		ClosedLoop.Result result = loop.drain("once each", () -> {
			int i = next.getAndIncrement();
			return i < requests.size() ? requests.get(i) : null;
		}, 200, 8, now, now + Duration.ofMinutes(1).toNanos());

		assertThat(asked).hasSize(100);
		assertThat(asked.values()).allMatch(count -> count.get() == 1);
		// 1…100: 25, 50, 75, 100 are 503; 10, 20, 30, 40, 60, 70, 80, 90 are 409
		assertThat(result.errorsByKind()).isEqualTo(Map.of("HTTP 503", 4L, "HTTP 409", 8L));
		assertThat(result.errors()).isEqualTo(12);
		assertThat(result.requests()).isEqualTo(88);
		assertThat(result.allOk()).isEqualTo(88);
		assertThat(result.latency().getTotalCount()).isEqualTo(88);
		assertThat(result.seconds()).isPositive().isLessThan(60);
	}

	@Test
	void measuresOnlyWhatWasSentAfterTheWarmUpButCountsEveryAnswerThatSucceeded() throws Exception {
		List<HttpRequest> requests = requests(1, 9);
		var next = new AtomicInteger();

		long now = System.nanoTime();
		ClosedLoop.Result result = loop.drain("all in the warm-up", () -> {
			int i = next.getAndIncrement();
			return i < requests.size() ? requests.get(i) : null;
		}, 200, 2, now + Duration.ofMinutes(1).toNanos(), now + Duration.ofMinutes(2).toNanos());

		assertThat(result.requests()).isZero();
		assertThat(result.seconds()).isZero();
		assertThat(result.allOk()).isEqualTo(9);
		assertThat(asked.keySet()).isEqualTo(Set.copyOf(IntStream.rangeClosed(1, 9).mapToObj(n -> "/" + n).toList()));
	}

	@Test
	void stopsTakingRequestsAtTheEnd() throws Exception {
		var next = new AtomicInteger();

		long now = System.nanoTime();
		ClosedLoop.Result result = loop.drain("past its end", () -> request(next.incrementAndGet()), 200, 2, now, now);

		assertThat(asked).isEmpty();
		assertThat(result.requests()).isZero();
	}

	private List<HttpRequest> requests(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(this::request).toList();
	}

	private HttpRequest request(int n) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + n))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
	}
}
