package kz.khc.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The statistics of one Gatling run, read from its HTML report's table ({@code index.html}: a row per request name and
 * group, the count, OK, KO and the response time's min, percentiles, max and mean in ms). Gatling 3.12+ writes its
 * simulation log in a binary format of its own and no JSON beside the report, so the table is what a run leaves to
 * read; the percentiles' columns are found by their headers ({@code 95th pct}), whatever {@code gatling.conf} sets.
 *
 * @param requests the requests (not the groups' durations), each with the group it ran in ({@code ""} for none)
 */
record GatlingReport(List<Request> requests) {

	/** One request name's figures; response times in ms over all its answers (Gatling's "total" columns). */
	record Request(String group, String name, long count, long ok, long ko, double min, Map<Integer, Double> percentiles,
			double max, double mean) {

		double percentile(int percentile) {
			Double value = percentiles.get(percentile);
			if (value == null) {
				throw new IllegalArgumentException("the report has no %dth percentile: %s".formatted(percentile,
						percentiles.keySet()));
			}
			return value;
		}
	}

	private static final Pattern ROW = Pattern.compile(
			"<tr id=\"([^\"]+)\"\\s+data-parent=\"([^\"]+)\"\\s*>(.*?)</tr>", Pattern.DOTALL);
	private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">(.*?)</span>", Pattern.DOTALL);
	private static final Pattern VALUE = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");
	private static final Pattern HEADER = Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(.*?)</span></th>",
			Pattern.DOTALL);
	private static final Pattern PERCENTILE = Pattern.compile("(\\d+)(?:st|nd|rd|th) pct");

	/** The report of the one run in {@code resultsDir} (Gatling's results folder: {@code <simulation>-<time>/}). */
	static GatlingReport read(Path resultsDir) throws IOException {
		List<Path> runs;
		try (Stream<Path> dirs = Files.list(resultsDir)) {
			runs = dirs.filter(dir -> Files.isRegularFile(dir.resolve("index.html"))).toList();
		}
		if (runs.size() != 1) {
			throw new IllegalStateException("expected one Gatling report in %s, found %s".formatted(resultsDir, runs));
		}
		return parse(Files.readString(runs.getFirst().resolve("index.html")));
	}

	static GatlingReport parse(String html) {
		Map<Integer, String> headers = new HashMap<>();
		Matcher header = HEADER.matcher(html);
		while (header.find()) {
			headers.put(Integer.parseInt(header.group(1)), text(header.group(2)));
		}
		int total = column(headers, "Total");
		int ok = column(headers, "OK");
		int ko = column(headers, "KO");
		int min = column(headers, "Min");
		int max = column(headers, "Max");
		int mean = column(headers, "Mean");
		Map<Integer, Integer> percentileColumns = new HashMap<>();
		headers.forEach((column, title) -> {
			Matcher percentile = PERCENTILE.matcher(title);
			if (percentile.matches()) {
				percentileColumns.put(Integer.parseInt(percentile.group(1)), column);
			}
		});

		Map<String, String> names = new HashMap<>();
		var rows = new ArrayList<String[]>(); // id, parent, body
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			Matcher name = NAME.matcher(row.group(3));
			names.put(row.group(1), name.find() ? text(name.group(1)) : row.group(1));
			rows.add(new String[] { row.group(1), row.group(2), row.group(3) });
		}
		var requests = new ArrayList<Request>();
		for (String[] r : rows) {
			if (!r[0].startsWith("req_")) {
				continue; // ROOT (all requests) and the groups, whose times are the groups' durations
			}
			Map<Integer, String> values = new HashMap<>();
			Matcher value = VALUE.matcher(r[2]);
			while (value.find()) {
				values.put(Integer.parseInt(value.group(1)), value.group(2).trim());
			}
			var percentiles = new java.util.TreeMap<Integer, Double>();
			percentileColumns.forEach((percentile, column) -> percentiles.put(percentile, number(values.get(column))));
			requests.add(new Request(r[1].equals("ROOT") ? "" : names.getOrDefault(r[1], r[1]), names.get(r[0]),
					(long) number(values.get(total)), (long) number(values.get(ok)), (long) number(values.get(ko)),
					number(values.get(min)), percentiles, number(values.get(max)), number(values.get(mean))));
		}
		if (requests.isEmpty()) {
			throw new IllegalStateException("no request rows in the Gatling report");
		}
		return new GatlingReport(List.copyOf(requests));
	}

	/** The requests that ran in {@code group}. */
	List<Request> in(String group) {
		return requests.stream().filter(request -> request.group().equals(group)).toList();
	}

	/** Every request of the run, all groups: what the run's CPU time is divided by. */
	long count() {
		return requests.stream().mapToLong(Request::count).sum();
	}

	private static int column(Map<Integer, String> headers, String title) {
		return headers.entrySet().stream()
			.filter(header -> header.getValue().equals(title))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no column " + title + " in the Gatling report: " + headers));
	}

	/** A cell's number; Gatling writes {@code -} where there is none (no OK answer). */
	private static double number(String cell) {
		if (cell == null || cell.isEmpty() || cell.equals("-")) {
			return Double.NaN;
		}
		return Double.parseDouble(cell.replace(",", ""));
	}

	private static String text(String html) {
		return html.replaceAll("<[^>]+>", "")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&")
			.trim();
	}
}
