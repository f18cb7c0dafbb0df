package kz.khc.contracts;

import java.io.InputStream;
import java.util.List;

import kz.khc.contracts.elorda.v1.ApplicationRejected;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.contracts.identity.v1.AccountLocked;
import kz.khc.contracts.identity.v1.EmailVerificationRequested;
import kz.khc.contracts.identity.v1.EmailVerified;
import kz.khc.contracts.identity.v1.PasswordChanged;
import kz.khc.contracts.identity.v1.UserRegistered;
import kz.khc.contracts.scoring.v1.ApplicationAssessed;
import kz.khc.contracts.scoring.v1.BankOutcomeRecorded;
import kz.khc.contracts.scoring.v1.DirectionAnnulled;
import kz.khc.contracts.scoring.v1.DirectionExpired;
import kz.khc.contracts.scoring.v1.DirectionIssued;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples in {@code /samples/<topic>.json} are what producers and consumers test with: each must give every
 * property of its event (null where it may be) and none the event lacks, and survive a write and a read.
 */
class SamplesTest {

	static final List<Class<? extends IntegrationEvent>> EVENTS = List.of(ApplicationSubmitted.class,
			ApplicationVerified.class, ApplicationRejected.class, UserRegistered.class, PasswordChanged.class,
			AccountLocked.class, EmailVerificationRequested.class, EmailVerified.class, ApplicationAssessed.class,
			DirectionIssued.class, DirectionExpired.class, DirectionAnnulled.class, BankOutcomeRecorded.class);

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
				DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	@ParameterizedTest
	@FieldSource("EVENTS")
	void eachEventHasACompleteSample(Class<? extends IntegrationEvent> type) throws Exception {
		String topic = (String) type.getField("TOPIC").get(null);
		try (InputStream in = type.getResourceAsStream("/samples/" + topic + ".json")) {
			assertThat(in).as("sample of " + topic).isNotNull();
			IntegrationEvent event = json.readValue(in, type);
			assertThat(json.readValue(json.writeValueAsBytes(event), type)).isEqualTo(event);
		}
	}
}
