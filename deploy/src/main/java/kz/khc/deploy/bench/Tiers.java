package kz.khc.deploy.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The machine's cores split in two tiers, as a deployment separates them: the edge (the gateway, with the load
 * generator in front of it) on the upper half, the services and everything behind them on the lower half. Pinned with
 * {@code taskset} (util-linux): every thread of a running process, and what it starts later (a new thread or a
 * PostgreSQL backend inherits its parent's cores).
 */
final class Tiers {

	/** The components on the edge's cores; the rest (and this JVM) are on the services'. */
	static final List<String> EDGE = List.of("gateway", "load generator");

	private final String edge;
	private final String services;
	private final String all;

	private Tiers(int cores) {
		this.services = "0-%d".formatted(cores / 2 - 1);
		this.edge = "%d-%d".formatted(cores / 2, cores - 1);
		this.all = "0-%d".formatted(cores - 1);
	}

	/** The tiers of this machine; it needs two cores at least. */
	static Tiers ofThisMachine() {
		int cores = Runtime.getRuntime().availableProcessors();
		if (cores < 2) {
			throw new IllegalStateException("tiers need two cores at least, this machine has " + cores);
		}
		return new Tiers(cores);
	}

	/** The edge's cores, for a command's {@code taskset -c}. */
	String edge() {
		return edge;
	}

	String describe() {
		return "cores %s: the gateway and the load generator; cores %s: the rest".formatted(edge, services);
	}

	/** Pins the suite's running processes and this JVM to their tier. */
	void pin(SuiteHandle suite) throws IOException, InterruptedException {
		var edgeProcesses = new ArrayList<ProcessHandle>();
		var serviceProcesses = new ArrayList<ProcessHandle>(List.of(ProcessHandle.current()));
		suite.processes().forEach((component, processes) ->
				(EDGE.contains(component) ? edgeProcesses : serviceProcesses).addAll(processes));
		taskset(edge, edgeProcesses);
		taskset(services, serviceProcesses);
	}

	/** Lets every process of the suite run on any core again. */
	void release(SuiteHandle suite) throws IOException, InterruptedException {
		var processes = new ArrayList<ProcessHandle>(List.of(ProcessHandle.current()));
		suite.processes().values().forEach(processes::addAll);
		taskset(all, processes);
	}

	private static void taskset(String cores, Collection<ProcessHandle> processes)
			throws IOException, InterruptedException {
		for (ProcessHandle process : processes) {
			// -a: all its threads; a process gone meanwhile is no matter
			new ProcessBuilder("taskset", "-a", "-cp", cores, String.valueOf(process.pid()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
	}
}
