package kz.khc.notification;

import kz.khc.testsupport.ServiceConventions;

class ServiceConventionsIT extends ServiceConventions {

	ServiceConventionsIT() {
		super("/api/notifications/v1");
	}
}
