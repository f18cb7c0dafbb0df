package kz.khc.cabinet.coredata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes generated core data to a file in the import format, for load tests and benchmarks:
 * {@code java -cp cabinet-service.jar -Dloader.main=kz.khc.cabinet.coredata.DemoDataFile
 * org.springframework.boot.loader.launch.PropertiesLauncher <file> <clients> [seed]}. About two contracts and
 * 400 schedule rows per client.
 */
public final class DemoDataFile {

	private DemoDataFile() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: DemoDataFile <file> <clients> [seed]");
			System.exit(2);
		}
		Path file = Path.of(args[0]);
		int clients = Integer.parseInt(args[1]);
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
		JsonMapper json = JsonMapper.builder().build();
		long records = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			Iterator<CoreRecord> all = new DemoData(seed, LocalDate.now(ZoneId.of("Asia/Almaty"))).records(clients)
				.iterator();
			while (all.hasNext()) {
				out.write(json.writeValueAsString(all.next()));
				out.newLine();
				records++;
			}
		}
		System.out.printf("%d records of %d clients written to %s%n", records, clients, file);
	}
}
