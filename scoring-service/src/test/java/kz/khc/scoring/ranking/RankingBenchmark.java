package kz.khc.scoring.ranking;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import kz.khc.scoring.rules.Facts.Category;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The ranked lists' benchmark of issue 6 — not a test, it reports numbers and asserts none; the default build does
 * not run it (its name is neither *Test nor *IT). Run: {@code deploy/bench.sh ranking}. On real PostgreSQL (embedded,
 * default settings): {@code -Dranking.applications} (1,000,000) assessed applications spread over the 11 categories
 * of one edition are loaded with COPY; then (1) ranking them all — every list numbered in order, written to a table —
 * three times, and (2) placing {@code -Dranking.newcomers} (300) new applications one at a time through
 * {@link RankedLists#place}, each answered with its position, and (3) reading a page deep in the largest list.
 * Writes {@code target/bench/ranking-<timestamp>.md} and stdout.
 */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class RankingBenchmark {

	@Autowired
	RankedLists lists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void rankAMillionAndPlaceOneAtATime() throws Exception {
		int applications = Integer.getInteger("ranking.applications", 1_000_000);
		int newcomers = Integer.getInteger("ranking.newcomers", 300);
		String edition = "bench-" + UUID.randomUUID();
		Random random = new Random(6);
		var report = new StringBuilder("# Ranking benchmark — %s%n%n".formatted(
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
		report.append("Machine: %d cores, JDK %s; embedded PostgreSQL with default settings; %,d applications in %d "
			.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), applications,
					Category.values().length)
				+ "categories of one edition (points 0–120, birth dates 1988–2005, so that ties occur).\n\n");
		try {
			Instant began = Instant.now();
			load(edition, applications, random);
			lists.recount(edition);
			jdbc.sql("vacuum analyze ranked_application").update();
			report.append("Load (COPY), counters per points value and vacuum analyze: %.1f s.%n%n".formatted(seconds(began)));

			report.append("| Step | Runs | Times | Median |\n|---|---:|---|---:|\n");
			double[] ranking = new double[3];
			for (int run = 0; run < ranking.length; run++) {
				jdbc.sql("drop table if exists bench_positions").update();
				Instant start = Instant.now();
				jdbc.sql("""
						create table bench_positions as
						select application_id, category, row_number() over (partition by category
						       order by -points, birth_date, application_number) as position
						from ranked_application where edition = ?""")
					.param(edition)
					.update();
				ranking[run] = seconds(start);
			}
			jdbc.sql("drop table if exists bench_positions").update();
			report.append("| rank all %,d (every list numbered, written to a table) | 3 | %s s | **%.2f s** |%n"
				.formatted(applications, times(ranking, "%.2f"), median(ranking)));

			double[] placing = new double[newcomers];
			for (int n = 0; n < newcomers; n++) {
				var entry = new RankedLists.Entry(UUID.randomUUID(), "NEW-%s-%07d".formatted(edition.substring(6, 14), n),
						null, "900101300017", LocalDate.of(1988 + random.nextInt(18), 1 + random.nextInt(12),
								1 + random.nextInt(28)),
						edition, Category.values()[random.nextInt(Category.values().length)], random.nextInt(121), "v1", "Bench Applicant");
				Instant start = Instant.now();
				lists.place(entry, start);
				placing[n] = Duration.between(start, Instant.now()).toNanos() / 1e6;
			}
			Arrays.sort(placing);
			report.append("| place one new application and answer its position | %d | p50 %.2f, p95 %.2f, p99 %.2f, max %.2f ms | **%.2f ms** |%n"
				.formatted(newcomers, placing[newcomers / 2], placing[(int) (newcomers * 0.95)],
						placing[(int) (newcomers * 0.99)], placing[newcomers - 1], placing[newcomers / 2]));

			double[] paging = new double[5];
			long size = lists.size(edition, Category.HEALTHCARE);
			for (int run = 0; run < paging.length; run++) {
				Instant start = Instant.now();
				lists.page(edition, Category.HEALTHCARE, (int) (size / 50 / 2), 50);
				paging[run] = Duration.between(start, Instant.now()).toNanos() / 1e6;
			}
			report.append("| a page of 50 in the middle of one list (%,d) | 5 | %s ms | **%.1f ms** |%n"
				.formatted(size, times(paging, "%.1f"), median(paging)));
		}
		finally {
			jdbc.sql("delete from ranked_application where edition = ?").param(edition).update();
			jdbc.sql("delete from ranked_list_points where edition = ?").param(edition).update();
		}
		Path out = Path.of("target", "bench", "ranking-%s.md".formatted(
				ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
		System.out.println("Written " + out.toAbsolutePath());
	}

	private void load(String edition, int applications, Random random) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			var rows = new StringBuilder();
			for (int n = 0; n < applications; n++) {
				rows.append(UUID.randomUUID()).append('\t')
					.append("EZ-%s-%07d".formatted(edition.substring(6, 14), n)).append("\t\\N\t900101300017\t")
					.append(LocalDate.of(1988 + random.nextInt(18), 1 + random.nextInt(12), 1 + random.nextInt(28)))
					.append('\t').append(edition).append('\t')
					.append(Category.values()[random.nextInt(Category.values().length)]).append('\t')
					.append(random.nextInt(121)).append("\tv1\t2026-01-01T00:00:00Z\n");
				if (rows.length() > 8_000_000 || n == applications - 1) {
					copy.copyIn("copy ranked_application (application_id, application_number, applicant_id, "
							+ "applicant_iin, birth_date, edition, category, points, rules_version, placed_at) from stdin",
							new StringReader(rows.toString()));
					rows.setLength(0);
				}
			}
		}
	}

	private static double seconds(Instant since) {
		return Duration.between(since, Instant.now()).toMillis() / 1000.0;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String times(double[] values, String format) {
		return String.join(", ", Arrays.stream(values).mapToObj(value -> format.formatted(value)).toList());
	}
}
