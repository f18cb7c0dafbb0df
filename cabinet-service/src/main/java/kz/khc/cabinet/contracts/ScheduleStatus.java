package kz.khc.cabinet.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

import kz.khc.workingdays.WorkingDayCalendar;

import org.jspecify.annotations.Nullable;

/** The status of a payment-schedule row (DOMAIN I8), as of a date. */
enum ScheduleStatus {

	/** «Погашено»: the monthly payment was written off in full. */
	PAID,

	/** «Просрочено»: not paid by the due date, or paid less than the monthly payment. */
	OVERDUE,

	/**
	 * «Ожидает списания»: upcoming; or paid in full on time and waiting for the actual write-off, which for rent-to-own
	 * contracts can come weeks after the payment date.
	 */
	AWAITING_WRITE_OFF;

	/**
	 * The status of a row on {@code today}. A due date on a weekend or public holiday moves to the next working day
	 * (DOMAIN I9): a row is overdue only after that day. Payments and write-offs dated after {@code today} are not
	 * known yet on {@code today}.
	 */
	static ScheduleStatus of(LocalDate dueDate, BigDecimal payment, BigDecimal paidAmount, @Nullable LocalDate paidOn,
			BigDecimal writtenOffAmount, @Nullable LocalDate writtenOffOn, LocalDate today,
			WorkingDayCalendar calendar) {
		if (writtenOffOn != null && !writtenOffOn.isAfter(today) && writtenOffAmount.compareTo(payment) >= 0) {
			return PAID;
		}
		LocalDate lastDayOnTime = calendar.nextWorkingDayOnOrAfter(dueDate);
		if (!today.isAfter(lastDayOnTime)) {
			return AWAITING_WRITE_OFF;
		}
		boolean paidInFullOnTime = paidOn != null && !paidOn.isAfter(lastDayOnTime)
				&& paidAmount.compareTo(payment) >= 0;
		return paidInFullOnTime ? AWAITING_WRITE_OFF : OVERDUE;
	}
}
