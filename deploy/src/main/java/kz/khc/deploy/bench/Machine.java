package kz.khc.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How busy this machine is, from {@code /proc}: for the benchmarks' reports on a machine they share. */
final class Machine {

	private Machine() {
	}

	/** The 1, 5 and 15 minute load averages, {@code 1.50 / 5.25 / 6.33}. */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return "%s / %s / %s".formatted(fields[0], fields[1], fields[2]);
		} catch (IOException | RuntimeException unreadable) {
			return "unknown";
		}
	}

	/** Busy and total CPU ticks of the machine so far, from the first line of {@code /proc/stat}. */
	static long[] ticks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) { // user … steal; guest is inside user
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		} catch (IOException | RuntimeException unreadable) {
			return new long[] { 0, 0 };
		}
	}
}
