package kz.khc.scoring;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresKeepTheirInsidesToThemselves() {
		ApplicationModules.of(ScoringService.class).verify();
	}
}
