package kz.khc.cabinet.coredata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import kz.khc.contracts.Iin;

/**
 * Realistic core data for demos and benchmarks, in the import format: clients with one to three contracts each,
 * annuity schedules (5–10 % a year, 10–25 years), mortgage loans written off on the due date, rent-to-own leases
 * written off two weeks late, and about one client in eight behind on the last payments, with a penalty.
 * The same seed gives the same data. Clients 0 and 1 are the demo logins' clients (accounts 110000101182, seed 000,
 * and 110100000001), the same whatever the day.
 */
final class DemoData {

	static final String DEMO_ACCOUNT = "110000101182";

	private static final String[] MALE_NAMES = { "Ерлан", "Арман", "Нурлан", "Дамир", "Асхат", "Данияр", "Руслан",
			"Алексей", "Тимур", "Бауыржан", "Серик", "Мади" };
	private static final String[] FEMALE_NAMES = { "Дана", "Айгерим", "Асель", "Динара", "Гульнара", "Жанар",
			"Мадина", "Алия", "Елена", "Сауле", "Камила", "Аружан" };
	private static final String[] SURNAMES = { "Ахметов", "Серикбаев", "Нурланов", "Жумабеков", "Касымов",
			"Ибраев", "Тулегенов", "Абенов", "Муканов", "Омаров", "Сулейменов", "Исмаилов", "Бекмуханбетов" };
	private static final String[] FATHERS = { "Серик", "Нурлан", "Ерлан", "Болат", "Кайрат", "Марат", "Асет",
			"Берик", "Талгат", "Жанат" };
	private static final String[] STREETS = { "пр. Кабанбай батыра", "ул. Кенесары", "пр. Туран", "ул. Сыганак",
			"пр. Мангилик Ел", "ул. Бейбитшилик", "пр. Республики", "ул. Иманова", "ул. Достык", "пр. Абая" };
	private static final String[] OPERATORS = { "700", "701", "702", "705", "707", "747", "771", "775", "777", "778" };

	/** The demo logins' clients (realm-elorda.json has their accounts): the same on every day the data is made. */
	private record Fixed(String iin, boolean female, LocalDate birth, String surname, String firstName, String mobile) {
	}

	private static final Fixed[] FIXED = {
			new Fixed("651106450323", true, LocalDate.of(1965, 11, 6), "Ахметова", "Дана", "+77012345678"),
			new Fixed("900315300010", false, LocalDate.of(1990, 3, 15), "Серикбаев", "Ерлан", "+77759876543") };

	private final Random random;
	private final LocalDate today;

	DemoData(long seed, LocalDate today) {
		this.random = new Random(seed);
		this.today = today;
	}

	/** Records of {@code clients} clients: each client first, then its contracts. */
	Stream<CoreRecord> records(int clients) {
		return IntStream.range(0, clients).boxed().flatMap(this::client);
	}

	private Stream<CoreRecord> client(int index) {
		Fixed fixed = index < FIXED.length ? FIXED[index] : null;
		boolean female = fixed != null ? fixed.female() : random.nextBoolean();
		LocalDate birth = fixed != null ? fixed.birth()
				: LocalDate.of(1966 + random.nextInt(36), 1 + random.nextInt(12), 1 + random.nextInt(28));
		String iin = fixed != null ? fixed.iin() : iin(birth, female, index);
		String account = index == 0 ? DEMO_ACCOUNT : "11%010d".formatted(100_000_000L + index);
		String surname = fixed != null ? fixed.surname() : pick(SURNAMES) + (female ? "а" : "");
		String first = fixed != null ? fixed.firstName() : pick(female ? FEMALE_NAMES : MALE_NAMES);
		String patronymic = pick(FATHERS) + (female ? "овна" : "ович");
		LocalDate issued = birth.plusYears(16 + random.nextInt(20));
		List<CoreRecord> records = new ArrayList<>();
		records.add(new CoreRecord.Client(account, iin, "CLIENT", surname, first, patronymic,
				female ? "FEMALE" : "MALE", birth, "0%08d".formatted(random.nextInt(100_000_000)), issued,
				issued.plusYears(10), "МВД РК", null, false,
				fixed != null ? fixed.mobile() : "+7" + pick(OPERATORS) + "%07d".formatted(random.nextInt(10_000_000))));
		int contracts = index == 0 ? 2 : 1 + random.nextInt(3);
		boolean behind = index == 0 || random.nextInt(8) == 0;
		for (int c = 0; c < contracts; c++) {
			boolean rentToOwn = index == 0 ? c == 1 : random.nextInt(5) < 2;
			records.add(contract(account, index, c, rentToOwn, behind && c == 0));
		}
		return records.stream();
	}

	private CoreRecord contract(String account, int client, int ordinal, boolean rentToOwn, boolean behind) {
		int years = 10 + random.nextInt(16);
		int payments = years * 12;
		LocalDate concluded = today.minusMonths(6 + random.nextInt(120)).withDayOfMonth(1 + random.nextInt(28));
		BigDecimal amount = BigDecimal.valueOf(5_000_000L + 100_000L * random.nextInt(200)).setScale(2);
		BigDecimal yearlyRate = new BigDecimal("0.05").add(BigDecimal.valueOf(random.nextInt(6), 2));
		BigDecimal monthlyRate = yearlyRate.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
		BigDecimal annuity = annuity(amount, monthlyRate, payments);
		List<CoreRecord.ScheduleRow> rows = new ArrayList<>(payments);
		BigDecimal balance = amount;
		int unpaidFrom = behind ? 1 + random.nextInt(3) : 0; // the last 1–3 due rows unpaid
		List<LocalDate> dues = new ArrayList<>();
		for (int i = 1; i <= payments; i++) {
			dues.add(concluded.plusMonths(i));
		}
		long dueAlready = dues.stream().filter(d -> d.isBefore(today)).count();
		for (int i = 1; i <= payments; i++) {
			LocalDate due = dues.get(i - 1);
			BigDecimal interest = balance.multiply(monthlyRate).setScale(2, RoundingMode.HALF_UP);
			BigDecimal principal = i == payments ? balance : annuity.subtract(interest);
			BigDecimal payment = principal.add(interest);
			balance = balance.subtract(principal);
			boolean settled = due.isBefore(today) && i <= dueAlready - unpaidFrom;
			LocalDate paidOn = settled ? due.minusDays(random.nextInt(6)) : null;
			LocalDate writtenOffOn = !settled ? null : rentToOwn ? due.plusDays(15) : due;
			if (writtenOffOn != null && writtenOffOn.isAfter(today)) {
				writtenOffOn = null; // paid, the lease's write-off is still to come
			}
			rows.add(new CoreRecord.ScheduleRow(i, due, payment, principal, interest,
					settled ? payment : BigDecimal.ZERO.setScale(2), paidOn,
					writtenOffOn == null ? BigDecimal.ZERO.setScale(2) : payment, writtenOffOn));
		}
		BigDecimal penalty = behind ? annuity.multiply(new BigDecimal("0.005")).multiply(BigDecimal.valueOf(30))
			.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
		String number = (rentToOwn ? "АВ" : "ИК") + "-%d/%06d-%d".formatted(concluded.getYear(), client, ordinal + 1);
		return new CoreRecord.Contract(account, number, rentToOwn ? "RENT_TO_OWN" : "MORTGAGE_LOAN", concluded,
				dues.getLast(), rentToOwn ? "Арендное жилье с выкупом" : "Квартира",
				"г. Астана, %s, %d, кв. %d".formatted(pick(STREETS), 1 + random.nextInt(120), 1 + random.nextInt(300)),
				amount, payments, annuity, concluded.getDayOfMonth(),
				BigDecimal.valueOf(random.nextInt(5_000_000), 2), new CoreRecord.Debt(penalty,
						BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)),
				rows);
	}

	/** The monthly annuity payment, rounded half up to the tiyn: P·r / (1 − (1 + r)^−n). */
	static BigDecimal annuity(BigDecimal principal, BigDecimal monthlyRate, int payments) {
		BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(payments, MathContext.DECIMAL64);
		return principal.multiply(monthlyRate)
			.multiply(growth)
			.divide(growth.subtract(BigDecimal.ONE), 2, RoundingMode.HALF_UP);
	}

	private String iin(LocalDate birth, boolean female, int serial) {
		int century = birth.getYear() < 2000 ? (female ? 4 : 3) : (female ? 6 : 5);
		for (int attempt = 0;; attempt++) {
			String eleven = "%02d%02d%02d%d%04d".formatted(birth.getYear() % 100, birth.getMonthValue(),
					birth.getDayOfMonth(), century, (serial + attempt) % 10_000);
			for (int check = 0; check <= 9; check++) {
				if (Iin.isValid(eleven + check)) {
					return eleven + check;
				}
			}
		}
	}

	private String pick(String[] values) {
		return values[random.nextInt(values.length)];
	}
}
