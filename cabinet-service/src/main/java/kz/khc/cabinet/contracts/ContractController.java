package kz.khc.cabinet.contracts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import kz.khc.cabinet.clients.Clients;
import kz.khc.workingdays.WorkingDayCalendar;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * «Мои договора» and «График платежей» (DOMAIN I6, I7): the signed-in client's own contracts only — any other
 * contract id is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/cabinet/v1/contracts")
@PreAuthorize("hasRole('citizen')")
class ContractController {

	private final Clients clients;
	private final Contracts contracts;
	private final WorkingDayCalendar calendar;
	private final MessageSource messages;
	private final Clock clock;

	ContractController(Clients clients, Contracts contracts, WorkingDayCalendar calendar, MessageSource messages,
			Clock clock) {
		this.clients = clients;
		this.contracts = contracts;
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	List<ContractView> list(@AuthenticationPrincipal Jwt token) {
		UUID client = client(token);
		LocalDate today = LocalDate.now(clock);
		return contracts.ofClient(client).stream().map(c -> view(c, contracts.schedule(c.id()), today)).toList();
	}

	@GetMapping("/{id}")
	ContractView one(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
		Contracts.Contract contract = own(token, id);
		return view(contract, contracts.schedule(id), LocalDate.now(clock));
	}

	@GetMapping("/{id}/schedule")
	SchedulePage schedule(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable @Min(1990) @Max(2100) Integer year,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "10") @Min(1) @Max(100) int size, Locale locale) {
		own(token, id);
		LocalDate today = LocalDate.now(clock);
		Contracts.Page rows = contracts.schedulePage(id, year, page, size);
		List<ScheduleRowView> items = rows.rows().stream().map(row -> {
			ScheduleStatus status = status(row, today);
			return new ScheduleRowView(row.dueDate(), row.payment(), row.principal(), row.interest(),
					row.writtenOffAmount(), row.writtenOffOn(), status,
					messages.getMessage("schedule.status." + status, null, status.name(), locale));
		}).toList();
		return new SchedulePage(items, page, size, rows.total(), contracts.scheduleYears(id));
	}

	private UUID client(Jwt token) {
		return clients.idOf(token).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	private Contracts.Contract own(Jwt token, UUID id) {
		return clients.accountNumberOf(token)
			.flatMap(accountNumber -> contracts.ofAccount(accountNumber, id))
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	private ScheduleStatus status(Contracts.Row row, LocalDate today) {
		return ScheduleStatus.of(row.dueDate(), row.payment(), row.paidAmount(), row.paidOn(), row.writtenOffAmount(),
				row.writtenOffOn(), today, calendar);
	}

	private ContractView view(Contracts.Contract c, List<Contracts.Row> schedule, LocalDate today) {
		BigDecimal sumPaid = BigDecimal.ZERO;
		BigDecimal principalRepaid = BigDecimal.ZERO;
		BigDecimal overdue = BigDecimal.ZERO;
		int paymentsMade = 0;
		for (Contracts.Row row : schedule) {
			ScheduleStatus status = status(row, today);
			if (row.writtenOffOn() != null && !row.writtenOffOn().isAfter(today)) {
				sumPaid = sumPaid.add(row.writtenOffAmount());
			}
			if (status == ScheduleStatus.PAID) {
				paymentsMade++;
				principalRepaid = principalRepaid.add(row.principal());
			}
			else if (status == ScheduleStatus.OVERDUE) {
				overdue = overdue.add(row.payment().subtract(row.paidAmount().max(row.writtenOffAmount())).max(BigDecimal.ZERO));
			}
		}
		Debt debt = new Debt(overdue, c.penalty(), c.fine(), c.stateDuty(),
				overdue.add(c.penalty()).add(c.fine()).add(c.stateDuty()));
		return new ContractView(c.id(), c.number(), c.kind(), c.concludedOn(), c.endsOn(), c.collateralType(),
				c.address(), c.amount(), c.paymentsCount(), c.monthlyPayment(), c.paymentDay(), sumPaid, paymentsMade,
				c.amount().subtract(principalRepaid).max(BigDecimal.ZERO), c.paymentsCount() - paymentsMade,
				c.accountBalance(), debt);
	}

	/** A contract as «Мои договора» shows it (DOMAIN I6); amounts in tenge with tiyn. */
	record ContractView(UUID id, String number, String kind, LocalDate concludedOn, LocalDate endsOn,
			String collateralType, String address, BigDecimal amount, int paymentsCount, BigDecimal monthlyPayment,
			int paymentDay, BigDecimal sumPaid, int paymentsMade, BigDecimal remainingDebt, int paymentsLeft,
			BigDecimal accountBalance, Debt debt) {
	}

	/** «Информация по задолженности». */
	record Debt(BigDecimal overdueMonthlyPayments, BigDecimal penalty, BigDecimal fine, BigDecimal stateDuty,
			BigDecimal total) {
	}

	record ScheduleRowView(LocalDate dueDate, BigDecimal payment, BigDecimal principal, BigDecimal interest,
			BigDecimal writtenOff, @Nullable LocalDate writtenOffOn, ScheduleStatus status, String statusText) {
	}

	record SchedulePage(List<ScheduleRowView> items, int page, int size, long total, List<Integer> years) {
	}
}
