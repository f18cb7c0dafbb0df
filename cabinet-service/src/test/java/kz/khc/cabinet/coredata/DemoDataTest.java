package kz.khc.cabinet.coredata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoDataTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	final List<CoreRecord> records = new DemoData(7, TODAY).records(300).toList();

	@Test
	void everyRecordPassesTheImportsOwnChecks() {
		assertThat(records).allSatisfy(record -> assertThat(CoreRecordValidator.problems(record)).isEmpty());
	}

	@Test
	void annuityMatchesTheTextbookFigure() {
		// 10,000,000 at 6 % a year over 20 years: 71,643.1058… a month, rounded half up to the tiyn
		assertThat(DemoData.annuity(new BigDecimal("10000000.00"), new BigDecimal("0.005"), 240))
			.isEqualByComparingTo("71643.11");
	}

	@Test
	void schedulesRepayThePrincipalExactly() {
		assertThat(contracts()).allSatisfy(contract -> assertThat(contract.schedule()
			.stream()
			.map(CoreRecord.ScheduleRow::principal)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(contract.amount()));
	}

	@Test
	void hasBothKindsLateWriteOffsAndClientsBehind() {
		assertThat(contracts()).extracting(CoreRecord.Contract::kind).contains("MORTGAGE_LOAN", "RENT_TO_OWN");
		assertThat(contracts().stream()
			.filter(c -> c.kind().equals("RENT_TO_OWN"))
			.flatMap(c -> c.schedule().stream())
			.filter(row -> row.writtenOffOn() != null)).allSatisfy(row -> assertThat(row.writtenOffOn()).isAfter(row.dueDate()));
		assertThat(contracts().stream()
			.flatMap(c -> c.schedule().stream())
			.filter(row -> row.dueDate().isBefore(TODAY.minusDays(10)) && row.writtenOffOn() == null)).isNotEmpty();
	}

	@Test
	void theFirstClientIsTheDemoLogin() {
		assertThat(records.getFirst()).isInstanceOfSatisfying(CoreRecord.Client.class, client -> {
			assertThat(client.accountNumber()).isEqualTo(DemoData.DEMO_ACCOUNT);
			assertThat(client.iin()).isEqualTo("651106450323");
		});
	}

	@Test
	void sameSeedSameData() {
		assertThat(new DemoData(7, TODAY).records(20).toList()).isEqualTo(new DemoData(7, TODAY).records(20).toList());
	}

	private List<CoreRecord.Contract> contracts() {
		return records.stream().filter(CoreRecord.Contract.class::isInstance).map(CoreRecord.Contract.class::cast).toList();
	}
}
