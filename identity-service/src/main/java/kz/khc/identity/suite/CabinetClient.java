package kz.khc.identity.suite;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

/** cabinet-service's internal API for identity-service. */
interface CabinetClient {

	@PostExchange("/internal/cabinet/v1/primary-authorization/checks")
	Check check(@RequestBody Tuple tuple);

	record Tuple(String accountNumber, String iin, String contractNumber, LocalDate contractDate, String mobile) {
	}

	record Check(boolean matches, @Nullable UUID clientId, @Nullable String surname, @Nullable String firstName) {
	}
}
