package kz.khc.scoring.statistics;

import java.util.Map;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: anyone may see how many applications were submitted (DOMAIN A5). */
@RestController
class StatisticsController {

	private final SubmittedApplications applications;

	StatisticsController(SubmittedApplications applications) {
		this.applications = applications;
	}

	@GetMapping("/api/scoring/v1/statistics/submitted-applications")
	ResponseEntity<SubmissionCounts> submittedApplications() {
		Map<ProgrammeCategory, Long> byCategory = applications.countByCategory();
		long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(new SubmissionCounts(total, byCategory));
	}

	record SubmissionCounts(long total, Map<ProgrammeCategory, Long> byCategory) {
	}
}
