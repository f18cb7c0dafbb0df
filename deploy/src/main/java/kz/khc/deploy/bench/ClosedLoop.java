package kz.khc.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A closed-loop load: {@code concurrency} virtual threads, each sending its next request as soon as the previous one
 * answered. A warm-up, then a measured window; latencies of the 200 answers of the window go into an HdrHistogram,
 * anything else counts as an error. Bounded in time and in the number of requests; or, for requests that can be sent
 * only once (a submission), drawn from a finite supply until it runs out ({@link #drain}).
 */
final class ClosedLoop {

	/** One request of a scenario: path and bearer token. */
	record Call(String path, String token) {
	}

	/**
	 * @param requests the answers with the expected status, whose latencies are in {@code latency}
	 * @param errorsByKind the errors by status ({@code HTTP 409}) or by the exception's class
	 * @param allOk the answers with the expected status, those of the warm-up included
	 */
	record Result(String scenario, int concurrency, long requests, long errors, double seconds, Histogram latency,
			String firstError, Map<String, Long> errorsByKind, long allOk) {

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
		Loop loop = loop(() -> next.apply(ThreadLocalRandom.current()), okStatus, concurrency, measureFrom, end);
		double seconds = (Math.min(System.nanoTime(), end + Duration.ofSeconds(30).toNanos()) - measureFrom) / 1e9;
		return loop.result(scenario, concurrency, Math.min(seconds, measured.toMillis() / 1000.0 + 0.001));
	}

	/**
	 * Requests that can each be sent once, from a finite supply ({@code next} answers null when it ran out), until it
	 * runs out or until {@code end} ({@link System#nanoTime()}); those sent from {@code measureFrom} on are measured.
	 * The measured time runs from {@code measureFrom} (or the start, if later) to the last measured answer, so the
	 * drained tail, when fewer than {@code concurrency} requests are left, counts in it.
	 */
	Result drain(String scenario, Supplier<@Nullable HttpRequest> next, int okStatus, int concurrency,
			long measureFrom, long end) throws Exception {
		long start = System.nanoTime();
		Loop loop = loop(next, okStatus, concurrency, measureFrom, end);
		long from = Math.max(start, measureFrom);
		long last = loop.lastAnswer().get();
		return loop.result(scenario, concurrency, last == Long.MIN_VALUE ? 0 : Math.max(0, last - from) / 1e9);
	}

	/** What the workers of one loop counted. */
	private record Loop(Histogram latency, AtomicLong errors, StringBuilder firstError,
			Map<String, LongAdder> errorsByKind, AtomicLong lastAnswer, AtomicLong allOk) {

		Result result(String scenario, int concurrency, double seconds) {
			var kinds = new TreeMap<String, Long>();
			errorsByKind.forEach((kind, count) -> kinds.put(kind, count.sum()));
			return new Result(scenario, concurrency, latency.getTotalCount(), errors.get(), seconds,
					latency, firstError.toString(), kinds, allOk.get());
		}
	}

	private Loop loop(Supplier<@Nullable HttpRequest> next, int okStatus, int concurrency, long measureFrom,
			long end) throws Exception {
		var errors = new AtomicLong();
		var count = new AtomicLong();
		var firstError = new StringBuilder();
		var errorsByKind = new ConcurrentHashMap<String, LongAdder>();
		var lastAnswer = new AtomicLong(Long.MIN_VALUE);
		var allOk = new AtomicLong();
		List<Future<Histogram>> workers = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < concurrency; i++) {
				workers.add(executor.submit(() -> {
					var histogram = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3); // microseconds
					HttpRequest request;
					while (System.nanoTime() < end && count.get() < MAX_REQUESTS && (request = next.get()) != null) {
						long sent = System.nanoTime();
						String failure = null;
						String kind = null;
						try {
							HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
							int status = response.statusCode();
							if (status != okStatus) {
								kind = "HTTP " + status;
								failure = kind + " " + request.uri().getPath() + " "
										+ new String(response.body(), 0, Math.min(200, response.body().length));
							}
						} catch (java.io.IOException e) {
							kind = e.getClass().getSimpleName();
							failure = e.toString();
						}
						long answered = System.nanoTime();
						if (failure == null) {
							allOk.incrementAndGet();
						}
						if (sent >= measureFrom) {
							count.incrementAndGet();
							lastAnswer.accumulateAndGet(answered, Math::max);
							if (failure == null) {
								histogram.recordValue(Math.min((answered - sent) / 1000, histogram.getHighestTrackableValue()));
							} else {
								errors.incrementAndGet();
								errorsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
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
			return new Loop(total, errors, firstError, errorsByKind, lastAnswer, allOk);
		}
	}
}
