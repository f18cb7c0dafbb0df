package kz.khc.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingReportTest {

	private static String fixture() throws IOException {
		try (InputStream in = GatlingReportTest.class.getResourceAsStream("/gatling/cabinet-reads-index.html")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void readsEachRequestOfEachGroupWithItsPercentiles() throws IOException {
		GatlingReport report = GatlingReport.parse(fixture());

		assertThat(report.requests()).extracting(GatlingReport.Request::group, GatlingReport.Request::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("warm-up", "contracts"),
					org.assertj.core.groups.Tuple.tuple("warm-up", "schedule page"),
					org.assertj.core.groups.Tuple.tuple("warm-up", "profile"),
					org.assertj.core.groups.Tuple.tuple("measured", "contracts"),
					org.assertj.core.groups.Tuple.tuple("measured", "schedule page"),
					org.assertj.core.groups.Tuple.tuple("measured", "profile"));
		GatlingReport.Request contracts = report.in("measured").getFirst();
		assertThat(contracts.count()).isEqualTo(55);
		assertThat(contracts.ok()).isEqualTo(55);
		assertThat(contracts.ko()).isZero();
		assertThat(contracts.min()).isEqualTo(3);
		assertThat(contracts.percentile(50)).isEqualTo(46);
		assertThat(contracts.percentile(75)).isEqualTo(48);
		assertThat(contracts.percentile(95)).isEqualTo(61);
		assertThat(contracts.percentile(99)).isEqualTo(146);
		assertThat(contracts.max()).isEqualTo(146);
		assertThat(contracts.mean()).isEqualTo(47);
	}

	@Test
	void theGroupsDurationsAreNotRequests() throws IOException {
		GatlingReport report = GatlingReport.parse(fixture());

		// 210 requests in all; the groups' rows (2 users' durations each) and the ROOT row are not counted again
		assertThat(report.count()).isEqualTo(210);
		assertThat(report.in("measured")).hasSize(3);
		assertThat(report.in("")).isEmpty();
	}

	@Test
	void aRequestWithoutAnOkAnswerHasItsErrorsAndNoTimes() {
		String html = """
				<th id="col-2" class="header sortable"><span>Total</span></th>
				<th id="col-3" class="header sortable"><span>OK</span></th>
				<th id="col-4" class="header sortable"><span>KO</span></th>
				<th id="col-7" class="header sortable"><span>Min</span></th>
				<th id="col-8" class="header sortable"><span>50th pct</span></th>
				<th id="col-9" class="header sortable"><span>99th pct</span></th>
				<th id="col-12" class="header sortable"><span>Max</span></th>
				<th id="col-13" class="header sortable"><span>Mean</span></th>
				<tr id="group_measured-1" data-parent="ROOT"><td><span class="ellipsed-name">measured</span></td></tr>
				<tr id="req_measured---subm-2" data-parent="group_measured-1">
				<td><span class="ellipsed-name">submission &amp; signature</span></td>
				<td class="value total col-2">1,204</td><td class="value ok col-3">0</td><td class="value ko col-4">1,204</td>
				<td class="value total col-7">-</td><td class="value total col-8">-</td><td class="value total col-9">-</td>
				<td class="value total col-12">-</td><td class="value total col-13">-</td>
				</tr>""";

		GatlingReport.Request submission = GatlingReport.parse(html).in("measured").getFirst();

		assertThat(submission.name()).isEqualTo("submission & signature");
		assertThat(submission.count()).isEqualTo(1204);
		assertThat(submission.ko()).isEqualTo(1204);
		assertThat(submission.percentile(99)).isNaN();
		assertThat(submission.percentiles()).containsOnlyKeys(50, 99);
		assertThatThrownBy(() -> submission.percentile(95)).hasMessageContaining("no 95th percentile");
	}

	@Test
	void aPageWithoutTheTableIsRefused() {
		assertThatThrownBy(() -> GatlingReport.parse("<html><body>no report</body></html>"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Total");
	}

	@Test
	void findsTheOneRunInTheResultsFolder(@TempDir Path results) throws IOException {
		Path run = Files.createDirectories(results.resolve("cabinetreads-20261126054955291"));
		Files.writeString(run.resolve("index.html"), fixture());
		Files.writeString(results.resolve("lastRun.txt"), "cabinetreads-20261126054955291");

		assertThat(GatlingReport.read(results).count()).isEqualTo(210);

		Files.createDirectories(results.resolve("cabinetreads-2")).resolve("index.html").toFile().createNewFile();
		assertThatThrownBy(() -> GatlingReport.read(results)).hasMessageContaining("expected one Gatling report");
	}
}
