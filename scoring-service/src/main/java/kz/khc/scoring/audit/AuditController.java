package kz.khc.scoring.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import kz.khc.scoring.web.Page;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who did what to a direction or a list, and why: the akimat answers for its decisions (and a citizen's complaint)
 * from this. Only akimat staff read it — the bank's and the citizens' own actions are in it too.
 */
@RestController
class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	/** @param subject e.g. {@code direction/<id>} or {@code list/elorda-zhastary/2023/HEALTHCARE} */
	@GetMapping("/api/scoring/v1/audit")
	@PreAuthorize("hasRole('akimat-officer')")
	Page<AuditTrail.Entry> entries(@RequestParam @NotBlank String subject,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return new Page<>(audit.page(subject, page, size), page, size, audit.size(subject));
	}
}
