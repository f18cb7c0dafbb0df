package kz.khc.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident set sizes from {@code /proc/<pid>/status} (Linux). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static long rssKb(Stream<ProcessHandle> processes) {
        return processes.mapToLong(process -> rssKb(process.pid())).sum();
    }

    static long rssKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return 0;
        }
    }
}
