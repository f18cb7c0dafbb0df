package kz.khc.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import kz.khc.testsupport.ServiceConventions;

import org.junit.jupiter.api.Test;

class ServiceConventionsIT extends ServiceConventions {

	ServiceConventionsIT() {
		super("/api/identity/v1");
	}

	@Test
	void tellsTheCallerWhoTheyAre() throws Exception {
		mvc.perform(get("/api/identity/v1/me").with(jwt().jwt(token -> token.subject("u-1")
			.claim("preferred_username", "akimat.officer")
			.claim("roles", List.of("akimat-officer")))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("akimat.officer"))
			.andExpect(jsonPath("$.roles[0]").value("akimat-officer"));
	}
}
