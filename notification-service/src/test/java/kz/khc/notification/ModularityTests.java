package kz.khc.notification;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresKeepTheirInsidesToThemselves() {
		ApplicationModules.of(NotificationService.class).verify();
	}
}
