package kz.khc.cabinet.clients;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The clients of the housing company as the core system knows them. A signed-in client is found by the account
 * number («лицевой счет») their token carries.
 */
@Component
public class Clients {

	private final JdbcClient jdbc;
	private final String accountClaim;

	Clients(JdbcClient jdbc, @Value("${cabinet.account-number-claim}") String accountClaim) {
		this.jdbc = jdbc;
		this.accountClaim = accountClaim;
	}

	/** The id of the client the token belongs to, if the cabinet has one for its account number. */
	public Optional<UUID> idOf(Jwt token) {
		return accountNumberOf(token).flatMap(accountNumber -> jdbc
			.sql("select id from client where account_number = ?")
			.param(accountNumber)
			.query(UUID.class)
			.optional());
	}

	/** The account number («лицевой счет») the token carries, if any. */
	public Optional<String> accountNumberOf(Jwt token) {
		return Optional.ofNullable(token.getClaimAsString(accountClaim));
	}

	Optional<Profile> profile(UUID clientId) {
		return jdbc.sql("select * from client where id = ?").param(clientId).query((rs, row) -> new Profile(
				rs.getString("account_number"), rs.getString("user_type"), rs.getString("surname"),
				rs.getString("first_name"), rs.getString("patronymic"), rs.getString("sex"),
				rs.getObject("birth_date", LocalDate.class), rs.getString("iin"), rs.getString("id_document_number"),
				rs.getObject("id_document_issued_on", LocalDate.class),
				rs.getObject("id_document_expires_on", LocalDate.class), rs.getString("id_document_authority"),
				rs.getString("email"), rs.getBoolean("email_verified"), rs.getString("mobile")))
			.optional();
	}

	/** The profile fields of DOMAIN I4. */
	record Profile(String accountNumber, String userType, String surname, String firstName,
			@Nullable String patronymic, String sex, LocalDate birthDate, String iin,
			@Nullable String idDocumentNumber, @Nullable LocalDate idDocumentIssuedOn,
			@Nullable LocalDate idDocumentExpiresOn, @Nullable String idDocumentAuthority, @Nullable String email,
			boolean emailVerified, String mobile) {
	}
}
