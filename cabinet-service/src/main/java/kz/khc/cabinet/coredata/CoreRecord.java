package kz.khc.cabinet.coredata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.jspecify.annotations.Nullable;

/**
 * One line of a core-data file (JSON lines) or one message of {@code core.contract-changed.v1}: a client, or a
 * contract with its whole schedule. The format is documented in the cabinet's README.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = CoreRecord.Client.class, name = "client"),
		@JsonSubTypes.Type(value = CoreRecord.Contract.class, name = "contract") })
sealed interface CoreRecord {

	/** The natural key in the core system: account number for a client, contract number for a contract. */
	String key();

	record Client(String accountNumber, String iin, @Nullable String userType, String surname, String firstName,
			@Nullable String patronymic, String sex, LocalDate birthDate, @Nullable String idDocumentNumber,
			@Nullable LocalDate idDocumentIssuedOn, @Nullable LocalDate idDocumentExpiresOn,
			@Nullable String idDocumentAuthority, @Nullable String email, @Nullable Boolean emailVerified,
			String mobile) implements CoreRecord {

		@Override
		public String key() {
			return accountNumber;
		}
	}

	record Contract(String accountNumber, String number, String kind, LocalDate concludedOn, LocalDate endsOn,
			String collateralType, String address, BigDecimal amount, int paymentsCount, BigDecimal monthlyPayment,
			int paymentDay, BigDecimal accountBalance, Debt debt, List<ScheduleRow> schedule) implements CoreRecord {

		@Override
		public String key() {
			return number;
		}
	}

	/** Penalty («пеня»), fine («штраф») and state duty («госпошлина») owed on a contract. */
	record Debt(BigDecimal penalty, BigDecimal fine, BigDecimal stateDuty) {
	}

	record ScheduleRow(int seq, LocalDate dueDate, BigDecimal payment, BigDecimal principal, BigDecimal interest,
			@Nullable BigDecimal paidAmount, @Nullable LocalDate paidOn, @Nullable BigDecimal writtenOffAmount,
			@Nullable LocalDate writtenOffOn) {
	}
}
