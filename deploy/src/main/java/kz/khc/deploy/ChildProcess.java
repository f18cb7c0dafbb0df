package kz.khc.deploy;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A component running as a child process (plus whatever it spawned), its output appended to one log file. */
final class ChildProcess {

	/**
	 * Children run in their own session so that Ctrl-C in the terminal reaches only the launcher, which then stops
	 * them in order.
	 */
	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;
	private final Process process;
	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
			throws IOException {
		Files.createDirectories(log.getParent());
		Files.createDirectories(workDir);
		Files.writeString(log, "%n===== %s: starting %s%n%s%n%n".formatted(LocalDateTime.now(), name, String.join(" ", command)),
				StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		List<String> fullCommand = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			fullCommand.add(SETSID.toString());
		}
		fullCommand.addAll(command);
		var builder = new ProcessBuilder(fullCommand)
				.directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(log.toFile()));
		builder.environment().putAll(env);
		return new ChildProcess(name, builder.start(), log);
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** Waits for the process to exit by itself; true if it exited with status 0 in time. */
	boolean waitFor(Duration timeout) throws InterruptedException {
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
	}

	/** The process and its live descendants. */
	Stream<ProcessHandle> tree() {
		return Stream.concat(Stream.of(process.toHandle()), process.descendants()).filter(ProcessHandle::isAlive);
	}

	/** SIGTERM to the whole tree, then SIGKILL to whatever is left after {@code grace}. */
	void stop(Duration grace) {
		List<ProcessHandle> tree = tree().toList();
		tree.forEach(ProcessHandle::destroy);
		Instant deadline = Instant.now().plus(grace);
		for (ProcessHandle handle : tree) {
			Duration left = Duration.between(Instant.now(), deadline);
			try {
				if (!left.isNegative()) {
					handle.onExit().get(left.toMillis(), TimeUnit.MILLISECONDS);
				}
			} catch (Exception timedOutOrInterrupted) {
				// forced below
			}
		}
		tree().forEach(ProcessHandle::destroyForcibly);
		tree.forEach(ProcessHandle::destroyForcibly);
		process.onExit().join();
	}

	/** SIGKILL to the whole tree at once, no grace; returns when the process is gone. */
	void kill() {
		List<ProcessHandle> tree = tree().toList();
		tree.forEach(ProcessHandle::destroyForcibly);
		process.onExit().join();
		tree.forEach(handle -> handle.onExit().join());
	}

	@Override
	public String toString() {
		return name + " (pid " + process.pid() + ")";
	}
}
