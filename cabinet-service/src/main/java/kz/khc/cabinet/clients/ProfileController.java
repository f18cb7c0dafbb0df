package kz.khc.cabinet.clients;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@RestController
class ProfileController {

	private final Clients clients;

	ProfileController(Clients clients) {
		this.clients = clients;
	}

	@GetMapping("/api/cabinet/v1/profile")
	@PreAuthorize("hasRole('citizen')")
	Clients.Profile profile(@AuthenticationPrincipal Jwt token) {
		return clients.idOf(token).flatMap(clients::profile).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}
}
