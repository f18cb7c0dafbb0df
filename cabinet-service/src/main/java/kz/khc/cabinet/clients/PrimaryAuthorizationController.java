package kz.khc.cabinet.clients;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import kz.khc.contracts.MobileNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For identity-service only (role {@code identity-service}, a service account token; the gateway routes no
 * {@code /internal} path): does a primary-authorization tuple (DOMAIN I1) — account number, IIN, contract number,
 * contract date and mobile number — match one contract of the company's records? The answer never says which part
 * did not match.
 */
@RestController
class PrimaryAuthorizationController {

	private final JdbcClient jdbc;

	PrimaryAuthorizationController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@PostMapping("/internal/cabinet/v1/primary-authorization/checks")
	@PreAuthorize("hasRole('identity-service')")
	Check check(@Valid @RequestBody Tuple tuple) {
		if (!MobileNumber.isValid(tuple.mobile())) {
			return Check.NO_MATCH;
		}
		Optional<Check> client = jdbc.sql("""
				select k.id, k.surname, k.first_name from client k join contract c on c.client_id = k.id
				where k.account_number = :account and k.iin = :iin and k.mobile = :mobile
				  and c.number = :contract and c.concluded_on = :date""")
			.param("account", tuple.accountNumber())
			.param("iin", tuple.iin())
			.param("mobile", MobileNumber.parse(tuple.mobile()).value())
			.param("contract", tuple.contractNumber())
			.param("date", tuple.contractDate())
			.query((row, n) -> new Check(true, row.getObject("id", UUID.class), row.getString("surname"),
					row.getString("first_name")))
			.optional();
		return client.orElse(Check.NO_MATCH);
	}

	record Tuple(@NotBlank @Pattern(regexp = "\\d{12}") String accountNumber,
			@NotBlank @Pattern(regexp = "\\d{12}") String iin, @NotBlank String contractNumber,
			@NotNull LocalDate contractDate, @NotBlank String mobile) {
	}

	/** On a match, the client's names too: identity-service makes the account at Keycloak with them. */
	record Check(boolean matches, @Nullable UUID clientId, @Nullable String surname, @Nullable String firstName) {

		static final Check NO_MATCH = new Check(false, null, null, null);
	}
}
