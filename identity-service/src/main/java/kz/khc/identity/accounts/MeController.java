package kz.khc.identity.accounts;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, from the token the gateway relayed: what the portal needs to greet them and pick a menu. */
@RestController
class MeController {

	@GetMapping("/api/identity/v1/me")
	Me me(@AuthenticationPrincipal Jwt token) {
		List<String> roles = token.getClaimAsStringList("roles");
		return new Me(token.getSubject(), token.getClaimAsString("preferred_username"),
				token.getClaimAsString("name"), roles == null ? List.of() : roles);
	}

	record Me(String subject, @Nullable String username, @Nullable String name, List<String> roles) {
	}
}
