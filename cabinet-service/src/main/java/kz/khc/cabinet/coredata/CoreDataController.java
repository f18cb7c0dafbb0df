package kz.khc.cabinet.coredata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import kz.khc.cabinet.audit.AuditTrail;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's operators (or the core system's nightly job) upload a core-data file: JSON lines, one client or
 * contract per line (format in the cabinet's README). The answer lists what was applied and every rejected line.
 */
@RestController
class CoreDataController {

	private final CoreDataImport imports;
	private final AuditTrail audit;

	CoreDataController(CoreDataImport imports, AuditTrail audit) {
		this.imports = imports;
		this.audit = audit;
	}

	@PostMapping(path = "/api/cabinet/v1/core-data/imports",
			consumes = { "application/x-ndjson", "application/jsonl", "text/plain" })
	@PreAuthorize("hasRole('cabinet-operator')")
	CoreDataImport.ImportReport upload(HttpServletRequest request, Authentication operator) throws IOException {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
			CoreDataImport.ImportReport report = imports.load(lines);
			audit.recordNow(operator.getName(), "core-data.imported", "core-data/upload",
					"%d lines: %d applied, %d unchanged, %d rejected".formatted(report.lines(), report.applied(),
							report.unchanged(), report.rejected().size()));
			return report;
		}
	}
}
