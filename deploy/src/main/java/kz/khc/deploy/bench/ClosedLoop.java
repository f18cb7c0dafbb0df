package kz.khc.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code concurrency} virtual threads, each sending its next request as soon as the previous one
 * answered. A warm-up, then a measured window; latencies of the 200 answers of the window go into an HdrHistogram,
 * anything else counts as an error. Bounded in time and in the number of requests.
 */
final class ClosedLoop {

	/** One request of a scenario: path and bearer token. */
	record Call(String path, String token) {
	}

	record Result(String scenario, int concurrency, long requests, long errors, double seconds, Histogram latency,
			String firstError) {

		double throughput() {
			return requests / seconds;
		}

		double millis(double percentile) {
			return latency.getValueAtPercentile(percentile) / 1000.0;
		}

		double maxMillis() {
			return latency.getMaxValue() / 1000.0;
		}
	}

	private static final long MAX_REQUESTS = 5_000_000;

	private final HttpClient http;
	private final String gateway;

	ClosedLoop(HttpClient http, String gateway) {
		this.http = http;
		this.gateway = gateway;
	}

	Result run(String scenario, Function<ThreadLocalRandom, Call> next, int concurrency, Duration warmUp,
			Duration measured) throws Exception {
		return run(scenario, random -> {
			Call call = next.apply(random);
			return HttpRequest.newBuilder(URI.create(gateway + call.path()))
					.header("Authorization", "Bearer " + call.token())
					.timeout(Duration.ofSeconds(30)).GET().build();
		}, 200, concurrency, warmUp, measured);
	}

	/** Any request; an answer with {@code okStatus} counts as a success, anything else as an error. */
	Result run(String scenario, Function<ThreadLocalRandom, HttpRequest> next, int okStatus, int concurrency,
			Duration warmUp, Duration measured) throws Exception {
		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long end = measureFrom + measured.toNanos();
		var errors = new AtomicLong();
		var count = new AtomicLong();
		var firstError = new StringBuilder();
		List<Future<Histogram>> workers = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < concurrency; i++) {
				workers.add(executor.submit(() -> {
					var histogram = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3); // microseconds
					var random = ThreadLocalRandom.current();
					long now;
					while ((now = System.nanoTime()) < end && count.get() < MAX_REQUESTS) {
						HttpRequest request = next.apply(random);
						long sent = System.nanoTime();
						int status;
						String failure = null;
						try {
							HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
							status = response.statusCode();
							if (status != okStatus) {
								failure = "HTTP " + status + " " + request.uri().getPath() + " "
										+ new String(response.body(), 0, Math.min(200, response.body().length));
							}
						} catch (java.io.IOException e) {
							failure = e.toString();
						}
						long took = System.nanoTime() - sent;
						if (sent >= measureFrom) {
							count.incrementAndGet();
							if (failure == null) {
								histogram.recordValue(Math.min(took / 1000, histogram.getHighestTrackableValue()));
							} else {
								errors.incrementAndGet();
								synchronized (firstError) {
									if (firstError.isEmpty()) {
										firstError.append(failure);
									}
								}
							}
						}
					}
					return histogram;
				}));
			}
			var total = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
			for (Future<Histogram> worker : workers) {
				total.add(worker.get());
			}
			double seconds = (Math.min(System.nanoTime(), end + Duration.ofSeconds(30).toNanos()) - measureFrom) / 1e9;
			return new Result(scenario, concurrency, total.getTotalCount(), errors.get(),
					Math.min(seconds, measured.toMillis() / 1000.0 + 0.001), total, firstError.toString());
		}
	}
}
