package kz.khc.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory of processes from {@code /proc} (Linux). RSS counts shared pages in every process that maps them (PostgreSQL
 * backends all map the shared buffers), PSS splits them between those processes, so a sum of PSS is not inflated.
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	static long rssKb(Stream<ProcessHandle> processes) {
		return processes.mapToLong(process -> rssKb(process.pid())).sum();
	}

	static long pssKb(Stream<ProcessHandle> processes) {
		return processes.mapToLong(process -> field(process.pid(), "smaps_rollup", "Pss:")).sum();
	}

	static long rssKb(long pid) {
		return field(pid, "status", "VmRSS:");
	}

	private static long field(long pid, String file, String name) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), file))) {
			return lines.filter(line -> line.startsWith(name))
					.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
					.findFirst().orElse(0);
		} catch (IOException | RuntimeException goneOrUnreadable) {
			return 0;
		}
	}
}
