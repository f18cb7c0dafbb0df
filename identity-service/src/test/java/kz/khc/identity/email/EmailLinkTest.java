package kz.khc.identity.email;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN I4: a confirmation link is genuine only as issued; any change to what it names or to its MAC is refused. */
class EmailLinkTest {

	final EmailLink links = new EmailLink("a test key that is long enough for HMAC-SHA256");

	final UUID id = UUID.fromString("4f1c2b7e-5d0a-4a8e-9b3c-6e2f1a7d9c05");

	final Instant expiresAt = Instant.parse("2026-11-26T10:00:00Z");

	final String token = links.token(id, "dana@example.kz", expiresAt);

	@Test
	void theIssuedTokenIsGenuineAndNamesItsRequest() {
		assertThat(EmailLink.idOf(token)).contains(id);
		assertThat(links.genuine(token, id, "dana@example.kz", expiresAt)).isTrue();
		assertThat(token).doesNotContain("dana").as("the address is not in the link").hasSizeLessThan(100);
	}

	@Test
	void anotherAddressExpiryIdKeyOrMacIsRefused() {
		assertThat(links.genuine(token, id, "dana@example.com", expiresAt)).isFalse();
		assertThat(links.genuine(token, id, "dana@example.kz", expiresAt.plusSeconds(1))).isFalse();
		assertThat(links.genuine(token, UUID.randomUUID(), "dana@example.kz", expiresAt)).isFalse();
		assertThat(new EmailLink("another key, as long as the first one, or so")
			.genuine(token, id, "dana@example.kz", expiresAt)).isFalse();

		char last = token.charAt(token.length() - 1);
		String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
		assertThat(links.genuine(flipped, id, "dana@example.kz", expiresAt)).isFalse();
		assertThat(links.genuine(id + ".not*base64", id, "dana@example.kz", expiresAt)).isFalse();
		assertThat(links.genuine(id.toString(), id, "dana@example.kz", expiresAt)).as("no MAC at all").isFalse();
	}

	@Test
	void aTokenWithoutAnIdNamesNothing() {
		assertThat(EmailLink.idOf("")).isEmpty();
		assertThat(EmailLink.idOf("not-a-uuid.abc")).isEmpty();
		assertThat(EmailLink.idOf("4f1c2b7e-5d0a-4a8e-9b3c-6e2f1a7d9c0Z.abc")).isEmpty();
	}
}
