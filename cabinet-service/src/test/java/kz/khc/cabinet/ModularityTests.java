package kz.khc.cabinet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresKeepTheirInsidesToThemselves() {
		ApplicationModules.of(CabinetService.class).verify();
	}
}
