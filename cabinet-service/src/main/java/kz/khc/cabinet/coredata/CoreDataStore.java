package kz.khc.cabinet.coredata;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import kz.khc.contracts.MobileNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes validated core records. A record identical to the one stored last time (same hash) changes nothing; a
 * changed contract gets its whole schedule replaced. Each call runs in the caller's transaction.
 */
@Component
class CoreDataStore {

	enum Outcome {
		APPLIED, UNCHANGED
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final JsonMapper json;
	private final Clock clock;

	CoreDataStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.clock = clock;
	}

	Outcome apply(CoreRecord record) {
		return switch (record) {
			case CoreRecord.Client client -> client(client);
			case CoreRecord.Contract contract -> contract(contract);
		};
	}

	private Outcome client(CoreRecord.Client c) {
		int changed = jdbc.sql("""
				insert into client (id, account_number, iin, user_type, surname, first_name, patronymic, sex, birth_date,
				    id_document_number, id_document_issued_on, id_document_expires_on, id_document_authority, email,
				    mobile, source_hash, updated_at)
				values (:id, :accountNumber, :iin, :userType, :surname, :firstName, :patronymic, :sex, :birthDate,
				    :idNumber, :idIssued, :idExpires, :idAuthority, :email, :mobile, :hash, :now)
				on conflict (account_number) do update set
				    iin = excluded.iin, user_type = excluded.user_type, surname = excluded.surname,
				    first_name = excluded.first_name, patronymic = excluded.patronymic, sex = excluded.sex,
				    birth_date = excluded.birth_date, id_document_number = excluded.id_document_number,
				    id_document_issued_on = excluded.id_document_issued_on,
				    id_document_expires_on = excluded.id_document_expires_on,
				    id_document_authority = excluded.id_document_authority,
				    -- an email the client confirmed in the cabinet wins over the core system's
				    email = case when client.email_verified then client.email else excluded.email end,
				    mobile = excluded.mobile, source_hash = excluded.source_hash, updated_at = excluded.updated_at
				where client.source_hash <> excluded.source_hash""")
			.param("id", UUID.randomUUID())
			.param("accountNumber", c.accountNumber())
			.param("iin", c.iin())
			.param("userType", c.userType() == null ? "CLIENT" : c.userType())
			.param("surname", c.surname())
			.param("firstName", c.firstName())
			.param("patronymic", c.patronymic())
			.param("sex", c.sex())
			.param("birthDate", date(c.birthDate()))
			.param("idNumber", c.idDocumentNumber())
			.param("idIssued", date(c.idDocumentIssuedOn()))
			.param("idExpires", date(c.idDocumentExpiresOn()))
			.param("idAuthority", c.idDocumentAuthority())
			.param("email", c.email())
			.param("mobile", MobileNumber.parse(c.mobile()).value())
			.param("hash", hash(c))
			.param("now", Timestamp.from(Instant.now(clock)))
			.update();
		return changed == 0 ? Outcome.UNCHANGED : Outcome.APPLIED;
	}

	private Outcome contract(CoreRecord.Contract c) {
		Optional<UUID> clientId = jdbc.sql("select id from client where account_number = ?")
			.param(c.accountNumber())
			.query(UUID.class)
			.optional();
		if (clientId.isEmpty()) {
			throw new UnknownClientException(c.accountNumber());
		}
		Optional<UUID> changed = jdbc.sql("""
				insert into contract (id, client_id, number, kind, concluded_on, ends_on, collateral_type, address,
				    amount, payments_count, monthly_payment, payment_day, account_balance, penalty, fine, state_duty,
				    source_hash, updated_at)
				values (:id, :clientId, :number, :kind, :concludedOn, :endsOn, :collateralType, :address, :amount,
				    :paymentsCount, :monthlyPayment, :paymentDay, :accountBalance, :penalty, :fine, :stateDuty, :hash,
				    :now)
				on conflict (number) do update set
				    client_id = excluded.client_id, kind = excluded.kind, concluded_on = excluded.concluded_on,
				    ends_on = excluded.ends_on, collateral_type = excluded.collateral_type, address = excluded.address,
				    amount = excluded.amount, payments_count = excluded.payments_count,
				    monthly_payment = excluded.monthly_payment, payment_day = excluded.payment_day,
				    account_balance = excluded.account_balance, penalty = excluded.penalty, fine = excluded.fine,
				    state_duty = excluded.state_duty, source_hash = excluded.source_hash,
				    updated_at = excluded.updated_at
				where contract.source_hash <> excluded.source_hash
				returning id""")
			.param("id", UUID.randomUUID())
			.param("clientId", clientId.get())
			.param("number", c.number())
			.param("kind", c.kind())
			.param("concludedOn", date(c.concludedOn()))
			.param("endsOn", date(c.endsOn()))
			.param("collateralType", c.collateralType())
			.param("address", c.address())
			.param("amount", c.amount())
			.param("paymentsCount", c.paymentsCount())
			.param("monthlyPayment", c.monthlyPayment())
			.param("paymentDay", c.paymentDay())
			.param("accountBalance", c.accountBalance())
			.param("penalty", c.debt().penalty())
			.param("fine", c.debt().fine())
			.param("stateDuty", c.debt().stateDuty())
			.param("hash", hash(c))
			.param("now", Timestamp.from(Instant.now(clock)))
			.query(UUID.class)
			.optional();
		if (changed.isEmpty()) {
			return Outcome.UNCHANGED;
		}
		UUID contractId = changed.get();
		jdbc.sql("delete from schedule_row where contract_id = ?").param(contractId).update();
		batch.batchUpdate("""
				insert into schedule_row (contract_id, seq, due_date, payment, principal, interest, paid_amount, paid_on,
				    written_off_amount, written_off_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.schedule(), 500, (ps, row) -> {
			ps.setObject(1, contractId);
			ps.setInt(2, row.seq());
			ps.setDate(3, date(row.dueDate()));
			ps.setBigDecimal(4, row.payment());
			ps.setBigDecimal(5, row.principal());
			ps.setBigDecimal(6, row.interest());
			ps.setBigDecimal(7, orZero(row.paidAmount()));
			ps.setDate(8, date(row.paidOn()));
			ps.setBigDecimal(9, orZero(row.writtenOffAmount()));
			ps.setDate(10, date(row.writtenOffOn()));
		});
		return Outcome.APPLIED;
	}

	private String hash(CoreRecord record) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(record)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Date date(@Nullable LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static BigDecimal orZero(@Nullable BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO : amount;
	}

	/** A contract of an account number the cabinet has no client for (yet). */
	static class UnknownClientException extends RuntimeException {

		UnknownClientException(String accountNumber) {
			super("accountNumber: no client with this account number");
		}
	}
}
