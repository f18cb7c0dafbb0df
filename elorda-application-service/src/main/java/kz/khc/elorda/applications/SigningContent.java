package kz.khc.elorda.applications;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import kz.khc.elorda.documents.Documents;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the applicant signs: the application as it stands — who applies to which edition, the whole form and each
 * document by its checksum — as canonical JSON (properties and map keys in alphabetical order, no spaces, UTF-8), so
 * that the same application always gives the same bytes. NCALayer signs these bytes (given to it in base64); the
 * submission is accepted only with a signature over exactly them, computed again from what is stored.
 */
final class SigningContent {

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private SigningContent() {
	}

	/** @param version of this layout, so that a later one can be told apart */
	private record Signed(int version, String programme, UUID applicationId, String editionId, String applicantIin,
			ApplicationForm form, List<Documents.Checksum> documents) {
	}

	static byte[] of(Application application, List<Documents.Checksum> documents) {
		return CANONICAL.writeValueAsBytes(new Signed(1, "elorda-zhastary", application.id(), application.editionId(),
				application.applicantIin(), application.form(), documents));
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}
}
