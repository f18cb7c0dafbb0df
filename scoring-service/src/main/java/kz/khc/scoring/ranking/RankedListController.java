package kz.khc.scoring.ranking;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import kz.khc.contracts.Iin;
import kz.khc.scoring.audit.AuditTrail;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.scoring.rules.Programmes;
import kz.khc.scoring.web.Page;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ranked lists (DOMAIN S4): the public sees positions, points and masked IINs; akimat staff see whole entries
 * with still-tied pairs flagged and export a list as CSV or XLSX (each export audited); a citizen finds their own
 * position; staff choose among a programme's editions.
 */
@RestController
class RankedListController {

	private static final String LIST = "/api/scoring/v1/programmes/{programme}/editions/{edition}/lists/{category}";

	private final RankedLists lists;
	private final Programmes programmes;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;
	private final Clock clock;

	RankedListController(RankedLists lists, Programmes programmes, AuditTrail audit,
			TransactionTemplate transactions, Clock clock) {
		this.lists = lists;
		this.programmes = programmes;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * An edition of the programme: in its rules now ({@code from}, {@code to}, {@code inEffect} today in Almaty), or
	 * only in the lists, ranked by earlier rules (then without dates).
	 *
	 * @param ranked how many applications its lists hold together
	 */
	record EditionView(String id, @Nullable LocalDate from, @Nullable LocalDate to, boolean inEffect, long ranked) {
	}

	/**
	 * The editions the staff's list screen offers, newest first: every edition of the rules now in effect, then any
	 * other edition the lists still hold.
	 */
	@GetMapping("/api/scoring/v1/programmes/{programme}/editions")
	@PreAuthorize("hasRole('akimat-officer')")
	List<EditionView> editions(@PathVariable String programme) {
		List<Programmes.Edition> known = programmes.editions(programme);
		Map<String, Long> sizes = new HashMap<>(lists.sizes(programme));
		LocalDate today = LocalDate.now(clock);
		List<EditionView> editions = new ArrayList<>();
		for (Programmes.Edition edition : known) {
			editions.add(new EditionView(edition.name(), edition.from(), edition.to(), edition.inEffectOn(today),
					Objects.requireNonNullElse(sizes.remove(edition.name()), 0L)));
		}
		sizes.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByKey().reversed())
			.forEach(other -> editions.add(new EditionView(other.getKey(), null, null, false, other.getValue())));
		return editions;
	}

	/** What anyone may see of a place in the list. */
	record PublicRow(long position, int points, String iin) {
	}

	@GetMapping(LIST)
	ResponseEntity<Page<PublicRow>> publicList(@PathVariable String programme, @PathVariable String edition,
			@PathVariable Category category, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		String list = list(programme, edition);
		List<PublicRow> rows = lists.page(list, category, page, size)
			.stream()
			.map(row -> new PublicRow(row.position(), row.points(), new Iin(row.applicantIin()).masked()))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(new Page<>(rows, page, size, lists.size(list, category)));
	}

	@GetMapping(LIST + "/entries")
	@PreAuthorize("hasRole('akimat-officer')")
	Page<RankedLists.Row> entries(@PathVariable String programme, @PathVariable String edition,
			@PathVariable Category category, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		String list = list(programme, edition);
		return new Page<>(lists.page(list, category, page, size), page, size, lists.size(list, category));
	}

	@GetMapping(LIST + "/export.csv")
	@PreAuthorize("hasRole('akimat-officer')")
	void csv(@PathVariable String programme, @PathVariable String edition, @PathVariable Category category,
			Authentication officer, HttpServletResponse response) throws IOException {
		String list = list(programme, edition);
		audit(list, category, "csv", officer);
		attachment(response, "text/csv;charset=UTF-8", file(programme, edition, category, "csv"));
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF'); // so that Excel reads the file as UTF-8
		out.write("position;application;iin;birth_date;points;tied\r\n");
		lists.forEach(list, category, row -> {
			try {
				out.write("%d;%s;%s;%s;%d;%s\r\n".formatted(row.position(), row.applicationNumber(),
						row.applicantIin(), row.birthDate(), row.points(), row.tied() ? "yes" : ""));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}

	@GetMapping(LIST + "/export.xlsx")
	@PreAuthorize("hasRole('akimat-officer')")
	void xlsx(@PathVariable String programme, @PathVariable String edition, @PathVariable Category category,
			Authentication officer, HttpServletResponse response) throws IOException {
		String list = list(programme, edition);
		audit(list, category, "xlsx", officer);
		attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				file(programme, edition, category, "xlsx"));
		try (var workbook = new SXSSFWorkbook(200)) {
			var sheet = workbook.createSheet(category.name());
			var header = sheet.createRow(0);
			List<String> titles = List.of("position", "application", "iin", "birth_date", "points", "tied");
			for (int column = 0; column < titles.size(); column++) {
				header.createCell(column).setCellValue(titles.get(column));
			}
			lists.forEach(list, category, row -> {
				var line = sheet.createRow((int) row.position());
				line.createCell(0).setCellValue(row.position());
				line.createCell(1).setCellValue(row.applicationNumber());
				line.createCell(2).setCellValue(row.applicantIin());
				line.createCell(3).setCellValue(row.birthDate().toString());
				line.createCell(4).setCellValue(row.points());
				line.createCell(5).setCellValue(row.tied() ? "yes" : "");
			});
			OutputStream out = response.getOutputStream();
			workbook.write(out);
			out.flush();
		}
	}

	/** "Find my position": the signed-in citizen's own applications in their lists. */
	@GetMapping("/api/scoring/v1/my/positions")
	@PreAuthorize("hasRole('citizen')")
	List<RankedLists.Standing> mine(@AuthenticationPrincipal Jwt citizen) {
		return lists.standingsOf(citizen.getSubject());
	}

	/**
	 * An export carries every applicant's IIN and birth date, so who took which list is recorded — committed on its
	 * own before the first row leaves: an export cut off halfway has still been taken. The rows are the list's size
	 * as the export starts.
	 */
	private void audit(String list, Category category, String format, Authentication officer) {
		transactions.executeWithoutResult(status -> audit.record(officer.getName(), "list.exported",
				"list/" + list + "/" + category, "%s, %d rows".formatted(format, lists.size(list, category))));
	}

	private String list(String programme, String edition) {
		if (!programmes.names().contains(programme)) {
			throw new Programmes.UnknownProgramme(programme);
		}
		return RankedLists.list(programme, edition);
	}

	private static String file(String programme, String edition, Category category, String extension) {
		return "%s-%s-%s.%s".formatted(programme, edition, category.name().toLowerCase(Locale.ROOT), extension)
			.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	private static void attachment(HttpServletResponse response, String type, String name) {
		response.setContentType(type);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
		response.setHeader("Cache-Control", "no-store");
	}
}
