package kz.khc.deploy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of the suite's components ({@link SuiteHandle#cpuMillis}, with this JVM as {@code launcher JVM}: the
 * providers' simulators, the data preparation) and the machine's busy ticks, sampled every second in the background,
 * so that the use over any window of wall-clock time can be read afterwards — e.g. the window a Gatling run marked.
 */
final class CpuSampler implements AutoCloseable {

	/** The components' CPU ms and the machine's ticks at one moment. */
	private record Sample(long epochMillis, Map<String, Long> cpuMillis, long[] ticks) {
	}

	/**
	 * What was used between two moments.
	 *
	 * @param cpuMillis   per component, ms of CPU
	 * @param seconds     the window's wall-clock length, as sampled
	 * @param machineBusy the share of the machine's CPU time that was busy (any process)
	 */
	record Usage(Map<String, Long> cpuMillis, double seconds, double machineBusy) {

		/** ms of CPU per request of each component. */
		Map<String, Double> perRequest(long requests) {
			var result = new TreeMap<String, Double>();
			cpuMillis.forEach((component, millis) -> result.put(component, millis / (double) Math.max(1, requests)));
			return result;
		}

		/** The cores the components together kept busy. */
		double cores(List<String> components) {
			return components.stream().mapToLong(c -> cpuMillis.getOrDefault(c, 0L)).sum() / 1000.0
					/ Math.max(0.001, seconds);
		}
	}

	static final String LAUNCHER = "launcher JVM";

	private final SuiteHandle suite;
	private final List<Sample> samples = new ArrayList<>();
	private final Thread thread;
	private volatile boolean running = true;

	CpuSampler(SuiteHandle suite) {
		this.suite = suite;
		sample();
		this.thread = Thread.ofPlatform().daemon().name("cpu-sampler").start(() -> {
			while (running) {
				try {
					Thread.sleep(Duration.ofSeconds(1)); // a sampling period, not a wait for something
				} catch (InterruptedException e) {
					return;
				}
				sample();
			}
		});
	}

	private void sample() {
		var cpu = new HashMap<>(suite.cpuMillis());
		cpu.put(LAUNCHER, ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L));
		var sample = new Sample(System.currentTimeMillis(), cpu, Machine.ticks());
		synchronized (samples) {
			samples.add(sample);
		}
	}

	/** Takes a sample now: the end of a window that closes now. */
	long now() {
		sample();
		return System.currentTimeMillis();
	}

	/** The use from the last sample at or before {@code from} to the first at or after {@code to} (epoch ms). */
	Usage between(long from, long to) {
		Sample first;
		Sample last;
		synchronized (samples) {
			first = samples.stream().filter(s -> s.epochMillis() <= from).reduce((a, b) -> b)
				.orElse(samples.getFirst());
			last = samples.stream().filter(s -> s.epochMillis() >= to).findFirst().orElse(samples.getLast());
		}
		var cpu = new TreeMap<String, Long>();
		last.cpuMillis().forEach((component, millis) -> cpu.put(component,
				Math.max(0, millis - first.cpuMillis().getOrDefault(component, 0L))));
		long busy = last.ticks()[0] - first.ticks()[0];
		long all = last.ticks()[1] - first.ticks()[1];
		return new Usage(cpu, (last.epochMillis() - first.epochMillis()) / 1000.0, all == 0 ? 0 : (double) busy / all);
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}
}
