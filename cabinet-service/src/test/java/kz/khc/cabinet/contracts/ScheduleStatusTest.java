package kz.khc.cabinet.contracts;

import static kz.khc.cabinet.contracts.ScheduleStatus.AWAITING_WRITE_OFF;
import static kz.khc.cabinet.contracts.ScheduleStatus.OVERDUE;
import static kz.khc.cabinet.contracts.ScheduleStatus.PAID;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import kz.khc.workingdays.WorkingDayCalendar;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** DOMAIN I8 (statuses) and I9 (a due date on a day off moves to the next working day). */
class ScheduleStatusTest {

	static final WorkingDayCalendar calendar = WorkingDayCalendar.kazakhstan();

	static final BigDecimal PAYMENT = new BigDecimal("100000.00");

	@Nested
	class Paid {

		@Test
		void whenTheMonthlyPaymentWasWrittenOffInFull() {
			assertThat(status("2022-06-15", "100000.00", "2022-06-14", "100000.00", "2022-06-15", "2022-06-20"))
				.isEqualTo(PAID);
		}

		@Test
		void notBeforeTheWriteOffDateEvenIfTheDataAlreadyHoldsIt() {
			assertThat(status("2022-06-15", "100000.00", "2022-06-14", "100000.00", "2022-06-25", "2022-06-20"))
				.isEqualTo(AWAITING_WRITE_OFF);
		}

		@Test
		void notWhenLessThanTheMonthlyPaymentWasWrittenOff() {
			assertThat(status("2022-06-15", "60000.00", "2022-06-15", "60000.00", "2022-06-15", "2022-06-20"))
				.isEqualTo(OVERDUE);
		}
	}

	/** Seed 000: paid by 10.07.2022, written off 25.07.2022 — «Погашено» only from 25.07. */
	@Nested
	class RentToOwnWithALateWriteOff {

		@Test
		void awaitsTheWriteOffAfterAnOnTimePayment() {
			assertThat(status("2022-07-10", "100000.00", "2022-07-08", "100000.00", "2022-07-25", "2022-07-20"))
				.isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2022-07-10", "100000.00", "2022-07-08", "100000.00", "2022-07-25", "2022-07-24"))
				.isEqualTo(AWAITING_WRITE_OFF);
		}

		@Test
		void isPaidFromTheWriteOffDay() {
			assertThat(status("2022-07-10", "100000.00", "2022-07-08", "100000.00", "2022-07-25", "2022-07-25"))
				.isEqualTo(PAID);
		}

		@Test
		void isOverdueWhenThePaymentItselfCameLate() {
			assertThat(status("2022-07-11", "100000.00", "2022-07-15", "0", null, "2022-07-20")).isEqualTo(OVERDUE);
		}
	}

	@Nested
	class Overdue {

		@Test
		void whenNothingWasPaidByTheDueDate() {
			assertThat(status("2022-06-15", "0", null, "0", null, "2022-06-16")).isEqualTo(OVERDUE);
		}

		@Test
		void whenLessThanTheMonthlyPaymentWasPaid() {
			assertThat(status("2022-06-15", "99999.99", "2022-06-10", "0", null, "2022-06-16")).isEqualTo(OVERDUE);
		}

		@Test
		void notOnTheDueDateItself() {
			assertThat(status("2022-06-15", "0", null, "0", null, "2022-06-15")).isEqualTo(AWAITING_WRITE_OFF);
		}
	}

	@Nested
	class Upcoming {

		@Test
		void isAwaitingWriteOffBeforeTheDueDate() {
			assertThat(status("2030-01-15", "0", null, "0", null, "2029-12-01")).isEqualTo(AWAITING_WRITE_OFF);
		}

		@Test
		void evenWhenPartlyPaidAlready() {
			assertThat(status("2030-01-15", "50000.00", "2029-12-01", "0", null, "2029-12-02"))
				.isEqualTo(AWAITING_WRITE_OFF);
		}
	}

	@Nested
	class HolidayRule {

		/** 1–2 Jan 2026 holidays, 3–4 weekend: paying on Monday 5 Jan is on time. */
		@Test
		void newYear() {
			assertThat(status("2026-01-01", "0", null, "0", null, "2026-01-05")).isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2026-01-01", "100000.00", "2026-01-05", "0", null, "2026-01-09"))
				.isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2026-01-01", "0", null, "0", null, "2026-01-06")).isEqualTo(OVERDUE);
		}

		/** Nauryz 2026: 21–23 Mar, and 24–25 Mar for the two that fell on the weekend; Thursday 26 is on time. */
		@Test
		void nauryz() {
			assertThat(status("2026-03-22", "0", null, "0", null, "2026-03-26")).isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2026-03-22", "100000.00", "2026-03-26", "0", null, "2026-03-30"))
				.isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2026-03-22", "0", null, "0", null, "2026-03-27")).isEqualTo(OVERDUE);
		}

		/** 2025 decree: Friday 3 Jan off, Sunday 5 Jan worked — the payment due on the 3rd is on time on the 5th. */
		@Test
		void weekendTransferByDecree() {
			assertThat(status("2025-01-03", "100000.00", "2025-01-05", "0", null, "2025-01-08"))
				.isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2025-01-03", "0", null, "0", null, "2025-01-05")).isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2025-01-03", "0", null, "0", null, "2025-01-06")).isEqualTo(OVERDUE);
		}

		@Test
		void anOrdinaryWeekend() {
			// Saturday 13 June 2026: on time on Monday the 15th, overdue from Tuesday
			assertThat(status("2026-06-13", "0", null, "0", null, "2026-06-15")).isEqualTo(AWAITING_WRITE_OFF);
			assertThat(status("2026-06-13", "0", null, "0", null, "2026-06-16")).isEqualTo(OVERDUE);
		}
	}

	private static ScheduleStatus status(String due, String paid, @Nullable String paidOn, String writtenOff,
			@Nullable String writtenOffOn, String today) {
		return ScheduleStatus.of(LocalDate.parse(due), PAYMENT, new BigDecimal(paid), date(paidOn),
				new BigDecimal(writtenOff), date(writtenOffOn), LocalDate.parse(today), calendar);
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		return value == null ? null : LocalDate.parse(value);
	}
}
