package kz.khc.cabinet.coredata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kz.khc.contracts.Iin;
import kz.khc.contracts.MobileNumber;

import org.jspecify.annotations.Nullable;

/** Checks a core record before anything of it is stored; returns every problem found, empty when it is valid. */
final class CoreRecordValidator {

	private static final Set<String> KINDS = Set.of("MORTGAGE_LOAN", "RENT_TO_OWN");
	private static final Set<String> USER_TYPES = Set.of("CLIENT", "CO_INVESTOR");
	private static final Set<String> SEXES = Set.of("MALE", "FEMALE");

	private CoreRecordValidator() {
	}

	static List<String> problems(CoreRecord record) {
		List<String> problems = new ArrayList<>();
		switch (record) {
			case CoreRecord.Client client -> client(client, problems);
			case CoreRecord.Contract contract -> contract(contract, problems);
		}
		return problems;
	}

	private static void client(CoreRecord.Client c, List<String> problems) {
		accountNumber(c.accountNumber(), problems);
		check(c.iin() != null && Iin.isValid(c.iin()), "iin: not a valid IIN", problems);
		check(c.userType() == null || USER_TYPES.contains(c.userType()), "userType: CLIENT or CO_INVESTOR", problems);
		check(notBlank(c.surname()), "surname: required", problems);
		check(notBlank(c.firstName()), "firstName: required", problems);
		check(c.sex() != null && SEXES.contains(c.sex()), "sex: MALE or FEMALE", problems);
		check(c.birthDate() != null, "birthDate: required", problems);
		check(c.mobile() != null && MobileNumber.isValid(c.mobile()), "mobile: not a Kazakhstan mobile number",
				problems);
		check(c.email() == null || c.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email: not an email address",
				problems);
		check(c.idDocumentIssuedOn() == null || c.idDocumentExpiresOn() == null
				|| !c.idDocumentExpiresOn().isBefore(c.idDocumentIssuedOn()),
				"idDocumentExpiresOn: before idDocumentIssuedOn", problems);
	}

	private static void contract(CoreRecord.Contract c, List<String> problems) {
		accountNumber(c.accountNumber(), problems);
		check(notBlank(c.number()), "number: required", problems);
		check(c.kind() != null && KINDS.contains(c.kind()), "kind: MORTGAGE_LOAN or RENT_TO_OWN", problems);
		check(c.concludedOn() != null && c.endsOn() != null && !c.endsOn().isBefore(c.concludedOn()),
				"endsOn: required, not before concludedOn", problems);
		check(notBlank(c.collateralType()), "collateralType: required", problems);
		check(notBlank(c.address()), "address: required", problems);
		money("amount", c.amount(), problems);
		money("monthlyPayment", c.monthlyPayment(), problems);
		check(c.accountBalance() != null && c.accountBalance().scale() <= 2, "accountBalance: tenge with at most 2 decimals",
				problems);
		check(c.paymentDay() >= 1 && c.paymentDay() <= 31, "paymentDay: 1..31", problems);
		if (c.debt() == null) {
			problems.add("debt: required");
		}
		else {
			money("debt.penalty", c.debt().penalty(), problems);
			money("debt.fine", c.debt().fine(), problems);
			money("debt.stateDuty", c.debt().stateDuty(), problems);
		}
		if (c.schedule() == null || c.schedule().isEmpty()) {
			problems.add("schedule: required");
			return;
		}
		check(c.schedule().size() == c.paymentsCount(), "paymentsCount: differs from the number of schedule rows",
				problems);
		LocalDate previous = null;
		for (int i = 0; i < c.schedule().size(); i++) {
			row(i, c.schedule().get(i), previous, problems);
			previous = c.schedule().get(i).dueDate();
		}
	}

	private static void row(int index, CoreRecord.ScheduleRow row, @Nullable LocalDate previousDue,
			List<String> problems) {
		String at = "schedule[" + index + "].";
		check(row.seq() == index + 1, at + "seq: rows are numbered 1, 2, 3, ... in order", problems);
		check(row.dueDate() != null && (previousDue == null || row.dueDate().isAfter(previousDue)),
				at + "dueDate: required, after the previous row's", problems);
		money(at + "payment", row.payment(), problems);
		money(at + "principal", row.principal(), problems);
		money(at + "interest", row.interest(), problems);
		if (row.payment() != null && row.principal() != null && row.interest() != null) {
			check(row.principal().add(row.interest()).compareTo(row.payment()) == 0,
					at + "payment: must equal principal + interest", problems);
		}
		if (row.paidAmount() != null) {
			money(at + "paidAmount", row.paidAmount(), problems);
			check(row.paidOn() != null || row.paidAmount().signum() == 0, at + "paidOn: required with a paidAmount",
					problems);
		}
		if (row.writtenOffAmount() != null) {
			money(at + "writtenOffAmount", row.writtenOffAmount(), problems);
			check(row.writtenOffOn() != null || row.writtenOffAmount().signum() == 0,
					at + "writtenOffOn: required with a writtenOffAmount", problems);
		}
	}

	private static void accountNumber(@Nullable String value, List<String> problems) {
		check(value != null && value.matches("\\d{12}"), "accountNumber: 12 digits", problems);
	}

	private static void money(String field, @Nullable BigDecimal value, List<String> problems) {
		check(value != null && value.signum() >= 0 && value.scale() <= 2,
				field + ": tenge, not negative, at most 2 decimals", problems);
	}

	private static boolean notBlank(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static void check(boolean ok, String problem, List<String> problems) {
		if (!ok) {
			problems.add(problem);
		}
	}
}
