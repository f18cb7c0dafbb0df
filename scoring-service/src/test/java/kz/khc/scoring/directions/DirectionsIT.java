package kz.khc.scoring.directions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kz.khc.contracts.scoring.v1.BankOutcome;
import kz.khc.scoring.ranking.RankedLists;
import kz.khc.scoring.rules.Facts.Category;
import kz.khc.testsupport.EmbeddedPostgresInitializer;
import kz.khc.testsupport.MovableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * DOMAIN A1–A4 against real PostgreSQL: quota 3 with five applicants; the first fails at the bank and the fourth
 * gets a direction at once; the second misses the 10-working-day visit deadline across the Nauryz holidays and the
 * fifth gets one; two officers issuing at once never give a place twice; every change is a step of the direction's
 * history, on its Almaty day, with the deadline it set or missed.
 */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class DirectionsIT {

	static final MovableClock CLOCK = new MovableClock();

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}
	}

	@Autowired
	Directions directions;

	@Autowired
	RankedLists lists;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailureAndAMissedDeadlineGiveTheFourthAndFifthTheirDirections() {
		CLOCK.set(LocalDate.of(2026, 3, 20)); // a Friday before Nauryz (23–25 March off in 2026)
		String list = newList();
		List<UUID> applicants = List.of(place(list, 50), place(list, 40), place(list, 30), place(list, 20),
				place(list, 10));
		directions.setQuota(list, Category.HEALTHCARE, 3, "akimat.officer");

		List<Directions.Direction> first = directions.issue(list, Category.HEALTHCARE, "akimat.officer");
		assertThat(first).extracting(Directions.Direction::applicationId).containsExactlyElementsOf(applicants.subList(0, 3));
		assertThat(first).extracting(Directions.Direction::position).containsExactly(1, 2, 3);
		assertThat(first).allSatisfy(direction -> assertThat(direction.visitDeadline())
			.as("10 working days after Friday 20 March 2026, Nauryz skipped").isEqualTo(LocalDate.of(2026, 4, 8)));
		assertThat(directions.issue(list, Category.HEALTHCARE, "akimat.officer")).as("the quota is full").isEmpty();

		CLOCK.set(LocalDate.of(2026, 3, 26));
		directions.record(first.get(0).id(), BankOutcome.QUALIFICATION_FAILED, "income too low", "bank.officer");
		directions.record(first.get(2).id(), BankOutcome.VISITED, null, "bank.officer");
		Directions.Direction fourth = direction(list, applicants.get(3));
		assertThat(fourth.status()).isEqualTo(Directions.Status.ISSUED);
		directions.record(fourth.id(), BankOutcome.VISITED, null, "bank.officer");

		CLOCK.set(LocalDate.of(2026, 4, 8));
		directions.expireOverdue();
		assertThat(direction(list, applicants.get(1)).status()).as("the deadline day still counts")
			.isEqualTo(Directions.Status.ISSUED);

		CLOCK.set(LocalDate.of(2026, 4, 9));
		directions.expireOverdue();
		assertThat(direction(list, applicants.get(1)).status()).isEqualTo(Directions.Status.EXPIRED);
		assertThat(direction(list, applicants.get(4)).status()).isEqualTo(Directions.Status.ISSUED);
		assertThat(direction(list, applicants.get(4)).visitDeadline()).isEqualTo(LocalDate.of(2026, 4, 23));

		assertThat(directions.ofList(list, Category.HEALTHCARE)).extracting(Directions.Direction::status)
			.containsExactlyInAnyOrder(Directions.Status.FAILED, Directions.Status.EXPIRED, Directions.Status.VISITED,
					Directions.Status.VISITED, Directions.Status.ISSUED);
		assertThat(events("DirectionIssued", list)).isEqualTo(5);
		assertThat(events("DirectionExpired", list)).isOne();
		assertThat(jdbc.sql("select count(*) from audit_log where subject like 'direction/%' and reason like '%income%'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void eachStepOnlyFromWhereItCanFollowAndTheHousingDeadlineIsSixtyDaysAfterQualifying() {
		CLOCK.set(LocalDate.of(2026, 6, 1));
		String list = newList();
		place(list, 10);
		directions.setQuota(list, Category.HEALTHCARE, 1, "akimat.officer");
		Directions.Direction issued = directions.issue(list, Category.HEALTHCARE, "akimat.officer").getFirst();

		assertThatThrownBy(() -> directions.record(issued.id(), BankOutcome.LOAN_ISSUED, null, "bank.officer"))
			.isInstanceOf(Directions.WrongStep.class);
		Directions.Direction qualified = directions.record(issued.id(), BankOutcome.QUALIFICATION_PASSED, null,
				"bank.officer");
		assertThat(qualified.housingDeadline()).isEqualTo(LocalDate.of(2026, 7, 31));
		assertThat(directions.record(issued.id(), BankOutcome.HOUSING_CHOSEN, null, "bank.officer").status())
			.isEqualTo(Directions.Status.HOUSING_CHOSEN);
		assertThat(directions.record(issued.id(), BankOutcome.LOAN_ISSUED, null, "bank.officer").status())
			.isEqualTo(Directions.Status.LOAN_ISSUED);
		assertThatThrownBy(() -> directions.annul(issued.id(), "too late", "akimat.officer"))
			.isInstanceOf(Directions.WrongStep.class);
	}

	@Test
	void aFullLifecycleIsInTheHistoryStepByStepNewestFirst() {
		CLOCK.set(LocalDate.of(2026, 6, 1));
		String list = newList();
		place(list, 10);
		directions.setQuota(list, Category.HEALTHCARE, 1, "akimat.officer");
		Directions.Direction issued = directions.issue(list, Category.HEALTHCARE, "akimat.officer").getFirst();
		CLOCK.set(LocalDate.of(2026, 6, 3));
		directions.record(issued.id(), BankOutcome.VISITED, "came with the spouse", "bank.officer");
		CLOCK.set(LocalDate.of(2026, 6, 5));
		directions.record(issued.id(), BankOutcome.QUALIFICATION_PASSED, null, "bank.officer");
		CLOCK.set(LocalDate.of(2026, 6, 20));
		directions.record(issued.id(), BankOutcome.HOUSING_CHOSEN, null, "bank.officer");
		CLOCK.set(LocalDate.of(2026, 7, 1));
		directions.record(issued.id(), BankOutcome.LOAN_ISSUED, null, "bank.officer");
		assertThatThrownBy(() -> directions.record(issued.id(), BankOutcome.VISITED, null, "bank.officer"))
			.isInstanceOf(Directions.WrongStep.class);

		assertThat(directions.steps(issued.id())).as("a refused step leaves no trace")
			.extracting(Directions.Step::step, Directions.Step::onDate, Directions.Step::deadline,
					Directions.Step::reason)
			.containsExactly(tuple(Directions.Step.Kind.LOAN_ISSUED, LocalDate.of(2026, 7, 1), null, null),
					tuple(Directions.Step.Kind.HOUSING_CHOSEN, LocalDate.of(2026, 6, 20), null, null),
					tuple(Directions.Step.Kind.QUALIFICATION_PASSED, LocalDate.of(2026, 6, 5),
							LocalDate.of(2026, 8, 4), null),
					tuple(Directions.Step.Kind.VISITED, LocalDate.of(2026, 6, 3), null, "came with the spouse"),
					tuple(Directions.Step.Kind.ISSUED, LocalDate.of(2026, 6, 1), issued.visitDeadline(), null));
		assertThat(directions.steps(issued.id()).getLast().occurredAt())
			.isEqualTo(ZonedDateTime.of(2026, 6, 1, 10, 0, 0, 0, CLOCK.getZone()).toInstant());
	}

	@Test
	void aFailureAnAnnulmentAndAnExpiryAreStepsWithTheirReasonOrTheMissedDeadline() {
		CLOCK.set(LocalDate.of(2026, 6, 1));
		String list = newList();
		List<UUID> applicants = List.of(place(list, 40), place(list, 30), place(list, 20), place(list, 10));
		directions.setQuota(list, Category.HEALTHCARE, 3, "akimat.officer");
		directions.issue(list, Category.HEALTHCARE, "akimat.officer");
		Directions.Direction failed = direction(list, applicants.get(0));
		Directions.Direction annulled = direction(list, applicants.get(1));
		Directions.Direction expired = direction(list, applicants.get(2));

		CLOCK.set(LocalDate.of(2026, 6, 2));
		directions.record(failed.id(), BankOutcome.QUALIFICATION_FAILED, "unpaid loans", "bank.officer");
		directions.annul(annulled.id(), "did not come", "akimat.officer");
		Directions.Direction next = direction(list, applicants.get(3));
		directions.record(next.id(), BankOutcome.VISITED, null, "bank.officer");
		LocalDate missed = expired.visitDeadline();
		CLOCK.set(missed.plusDays(1));
		directions.expireOverdue();

		assertThat(directions.steps(failed.id())).extracting(Directions.Step::step, Directions.Step::onDate,
				Directions.Step::reason)
			.containsExactly(tuple(Directions.Step.Kind.QUALIFICATION_FAILED, LocalDate.of(2026, 6, 2), "unpaid loans"),
					tuple(Directions.Step.Kind.ISSUED, LocalDate.of(2026, 6, 1), null));
		assertThat(directions.steps(annulled.id())).extracting(Directions.Step::step, Directions.Step::reason)
			.containsExactly(tuple(Directions.Step.Kind.ANNULLED, "did not come"),
					tuple(Directions.Step.Kind.ISSUED, null));
		assertThat(directions.steps(expired.id()))
			.extracting(Directions.Step::step, Directions.Step::onDate, Directions.Step::deadline)
			.containsExactly(tuple(Directions.Step.Kind.EXPIRED, missed.plusDays(1), missed),
					tuple(Directions.Step.Kind.ISSUED, LocalDate.of(2026, 6, 1), missed));
		assertThat(directions.steps(next.id())).as("the next in the list, given the failed one's place")
			.extracting(Directions.Step::step, Directions.Step::onDate)
			.containsExactly(tuple(Directions.Step.Kind.VISITED, LocalDate.of(2026, 6, 2)),
					tuple(Directions.Step.Kind.ISSUED, LocalDate.of(2026, 6, 2)));
	}

	@Test
	void twoOfficersIssuingAtOnceNeverGiveAPlaceTwice() throws Exception {
		CLOCK.set(LocalDate.of(2026, 6, 1));
		String list = newList();
		for (int i = 0; i < 6; i++) {
			place(list, 10 + i);
		}
		directions.setQuota(list, Category.HEALTHCARE, 3, "akimat.officer");
		CountDownLatch start = new CountDownLatch(1);
		try (var officers = Executors.newFixedThreadPool(2)) {
			List<Future<List<Directions.Direction>>> issued = List.of(
					officers.submit(() -> {
						start.await();
						return directions.issue(list, Category.HEALTHCARE, "officer-1");
					}), officers.submit(() -> {
						start.await();
						return directions.issue(list, Category.HEALTHCARE, "officer-2");
					}));
			start.countDown();
			assertThat(issued.get(0).get().size() + issued.get(1).get().size()).isEqualTo(3);
		}
		assertThat(directions.ofList(list, Category.HEALTHCARE)).hasSize(3)
			.extracting(Directions.Direction::applicationId)
			.doesNotHaveDuplicates();
	}

	private String newList() {
		return RankedLists.list("elorda-zhastary", "t" + UUID.randomUUID().toString().substring(0, 8));
	}

	private UUID place(String list, int points) {
		UUID id = UUID.randomUUID();
		lists.place(new RankedLists.Entry(id, "EZ-" + id.toString().substring(0, 13), "user-" + id, "900101300017",
				LocalDate.of(1995, 1, 1), list, Category.HEALTHCARE, points, "v1", "Test Applicant"), Instant.now());
		return id;
	}

	private Directions.Direction direction(String list, UUID applicationId) {
		return directions.ofList(list, Category.HEALTHCARE)
			.stream()
			.filter(direction -> direction.applicationId().equals(applicationId))
			.findFirst()
			.orElseThrow();
	}

	private long events(String type, String list) {
		return jdbc.sql("""
				select count(*) from event_publication p
				where p.event_type like ? and exists (select 1 from direction d
				      where d.edition = ? and p.serialized_event like '%' || d.id::text || '%')""")
			.params("%." + type, list)
			.query(Long.class)
			.single();
	}
}
