package kz.khc.cabinet.contracts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads contracts and schedule rows; every read is scoped to one client, so nobody reads another's data. */
@Repository
class Contracts {

	private final JdbcClient jdbc;

	Contracts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Contract> ofClient(UUID clientId) {
		return jdbc.sql("select * from contract where client_id = ? order by concluded_on, number")
			.param(clientId)
			.query(Contracts::contract)
			.list();
	}

	/** The contract if it belongs to the client with this account number: ownership checked in the same query. */
	Optional<Contract> ofAccount(String accountNumber, UUID contractId) {
		return jdbc.sql("""
				select c.* from contract c join client k on k.id = c.client_id
				where c.id = ? and k.account_number = ?""")
			.params(contractId, accountNumber)
			.query(Contracts::contract)
			.optional();
	}

	List<Row> schedule(UUID contractId) {
		return jdbc.sql("select * from schedule_row where contract_id = ? order by seq")
			.param(contractId)
			.query(Contracts::row)
			.list();
	}

	/** One page of the rows due in {@code year} (all years when null), with the number of such rows. */
	Page schedulePage(UUID contractId, @Nullable Integer year, int page, int size) {
		LocalDate from = year == null ? LocalDate.of(1, 1, 1) : LocalDate.of(year, 1, 1);
		LocalDate to = year == null ? LocalDate.of(9999, 12, 31) : LocalDate.of(year + 1, 1, 1);
		long[] total = { -1 };
		List<Row> rows = jdbc.sql("""
				select *, count(*) over () as total from schedule_row
				where contract_id = ? and due_date >= ? and due_date < ?
				order by seq limit ? offset ?""")
			.params(contractId, from, to, size, (long) page * size)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		if (total[0] < 0) { // a page past the end: no row to carry the total
			total[0] = jdbc.sql("""
					select count(*) from schedule_row where contract_id = ? and due_date >= ? and due_date < ?""")
				.params(contractId, from, to)
				.query(Long.class)
				.single();
		}
		return new Page(rows, total[0]);
	}

	List<Integer> scheduleYears(UUID contractId) {
		return jdbc.sql("""
				select distinct extract(year from due_date)::int from schedule_row where contract_id = ? order by 1""")
			.param(contractId)
			.query(Integer.class)
			.list();
	}

	record Page(List<Row> rows, long total) {
	}

	record Contract(UUID id, String number, String kind, LocalDate concludedOn, LocalDate endsOn,
			String collateralType, String address, BigDecimal amount, int paymentsCount, BigDecimal monthlyPayment,
			int paymentDay, BigDecimal accountBalance, BigDecimal penalty, BigDecimal fine, BigDecimal stateDuty) {
	}

	record Row(int seq, LocalDate dueDate, BigDecimal payment, BigDecimal principal, BigDecimal interest,
			BigDecimal paidAmount, @Nullable LocalDate paidOn, BigDecimal writtenOffAmount,
			@Nullable LocalDate writtenOffOn) {
	}

	private static Contract contract(ResultSet rs, int row) throws SQLException {
		return new Contract(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("kind"),
				rs.getObject("concluded_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("collateral_type"), rs.getString("address"), rs.getBigDecimal("amount"),
				rs.getInt("payments_count"), rs.getBigDecimal("monthly_payment"), rs.getInt("payment_day"),
				rs.getBigDecimal("account_balance"), rs.getBigDecimal("penalty"), rs.getBigDecimal("fine"),
				rs.getBigDecimal("state_duty"));
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getInt("seq"), rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("payment"),
				rs.getBigDecimal("principal"), rs.getBigDecimal("interest"), rs.getBigDecimal("paid_amount"),
				rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("written_off_amount"),
				rs.getObject("written_off_on", LocalDate.class));
	}
}
