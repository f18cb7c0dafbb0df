package kz.khc.cabinet;

import kz.khc.testsupport.ServiceConventions;

class ServiceConventionsIT extends ServiceConventions {

	ServiceConventionsIT() {
		super("/api/cabinet/v1");
	}
}
