package kz.khc.cabinet.coredata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a core-data file line by line. Each line is checked and stored in a transaction of its own: a bad line is
 * reported with its number and reason, leaves nothing of itself behind, and does not stop the lines after it.
 * Running the same file again changes nothing.
 */
@Service
public class CoreDataImport {

	private static final Logger log = LoggerFactory.getLogger(CoreDataImport.class);

	private final JsonMapper json;
	private final CoreDataStore store;
	private final TransactionTemplate transactions;

	CoreDataImport(JsonMapper json, CoreDataStore store, TransactionTemplate transactions) {
		this.json = json;
		this.store = store;
		this.transactions = transactions;
	}

	public ImportReport load(BufferedReader lines) {
		var report = new ImportReport.Builder();
		try {
			String line;
			int number = 0;
			while ((line = lines.readLine()) != null) {
				number++;
				if (!line.isBlank()) {
					report.add(number, applyLine(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ImportReport result = report.build();
		log.info("Core data import: {} lines, {} applied, {} unchanged, {} rejected", result.lines(), result.applied(),
				result.unchanged(), result.rejected().size());
		return result;
	}

	/** Applies one record (a line or a Kafka message); returns the reason it was rejected, or the outcome. */
	LineResult applyLine(String line) {
		CoreRecord record;
		try {
			record = json.readValue(line, CoreRecord.class);
		}
		catch (JacksonException ex) {
			return LineResult.rejected(null, "not a core record: " + firstLine(ex.getOriginalMessage()));
		}
		List<String> problems = CoreRecordValidator.problems(record);
		if (!problems.isEmpty()) {
			return LineResult.rejected(record.key(), String.join("; ", problems));
		}
		try {
			CoreDataStore.Outcome outcome = transactions.execute(status -> store.apply(record));
			return new LineResult(record.key(), outcome, null);
		}
		catch (CoreDataStore.UnknownClientException ex) {
			return LineResult.rejected(record.key(), ex.getMessage());
		}
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable JSON";
		}
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

	record LineResult(@Nullable String key, CoreDataStore.@Nullable Outcome outcome, @Nullable String rejection) {

		static LineResult rejected(@Nullable String key, String reason) {
			return new LineResult(key, null, reason);
		}
	}

	/** What a load did: counts, and every rejected line with its number and reason. */
	public record ImportReport(int lines, int applied, int unchanged, List<Rejected> rejected) {

		public record Rejected(int line, @Nullable String key, String reason) {
		}

		static final class Builder {

			private int lines;
			private int applied;
			private int unchanged;
			private final List<Rejected> rejected = new ArrayList<>();

			void add(int line, LineResult result) {
				lines++;
				if (result.rejection() != null) {
					rejected.add(new Rejected(line, result.key(), result.rejection()));
				}
				else if (result.outcome() == CoreDataStore.Outcome.APPLIED) {
					applied++;
				}
				else {
					unchanged++;
				}
			}

			ImportReport build() {
				return new ImportReport(lines, applied, unchanged, List.copyOf(rejected));
			}
		}
	}
}
