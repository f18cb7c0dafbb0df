package kz.khc.notification.contacts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import kz.khc.notification.audit.AuditTrail;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A citizen chooses the language of the SMS and letters they get. */
@RestController
@RequestMapping("/api/notifications/v1/my/preferences")
@PreAuthorize("hasRole('citizen')")
class PreferencesController {

	private final ContactBook contacts;
	private final AuditTrail audit;

	PreferencesController(ContactBook contacts, AuditTrail audit) {
		this.contacts = contacts;
		this.audit = audit;
	}

	@GetMapping
	Preferences get(@AuthenticationPrincipal Jwt person) {
		return new Preferences(contacts.chosenLanguage(person.getSubject()).orElse(null));
	}

	@PutMapping
	@Transactional
	Preferences set(@AuthenticationPrincipal Jwt person, @Valid @RequestBody Preferences preferences) {
		contacts.chooseLanguage(person.getSubject(), preferences.language());
		audit.record(person.getSubject(), "preferences.language-chosen", "person/" + person.getSubject(),
				"the person chose " + preferences.language());
		return preferences;
	}

	/** @param language {@code ru}, {@code kk} or {@code en}; none until the person chooses */
	record Preferences(@NotNull @Pattern(regexp = "ru|kk|en") @Nullable String language) {
	}
}
