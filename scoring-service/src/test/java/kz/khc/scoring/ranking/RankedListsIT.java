package kz.khc.scoring.ranking;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import kz.khc.scoring.rules.Facts.Category;
import kz.khc.testsupport.EmbeddedPostgresInitializer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** DOMAIN S4 against real PostgreSQL: the order, ties, positions as applications arrive, lists kept apart. */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class RankedListsIT {

	@Autowired
	RankedLists lists;

	@Autowired
	DataSource dataSource;

	/** Each test its own edition: the test database is shared. */
	final String edition = "test-" + UUID.randomUUID();

	@Test
	void morePointsFirstThenTheOlderThenTheNumberAndTheStillTiedPairIsFlagged() {
		place("EZ-0004", LocalDate.of(1990, 5, 1), 20, Category.HEALTHCARE);
		place("EZ-0001", LocalDate.of(1995, 1, 1), 25, Category.HEALTHCARE);
		place("EZ-0003", LocalDate.of(1988, 2, 2), 20, Category.HEALTHCARE);
		place("EZ-0002", LocalDate.of(1990, 5, 1), 20, Category.HEALTHCARE);
		place("EZ-0005", LocalDate.of(1980, 1, 1), 90, Category.EDUCATION);

		assertThat(lists.page(edition, Category.HEALTHCARE, 0, 10)).extracting(RankedLists.Row::position,
				RankedLists.Row::applicationNumber, RankedLists.Row::tied)
			.containsExactly(tuple(1L, number("EZ-0001"), false), tuple(2L, number("EZ-0003"), false),
					tuple(3L, number("EZ-0002"), true), tuple(4L, number("EZ-0004"), true));
		assertThat(lists.size(edition, Category.EDUCATION)).isOne();
		assertThat(lists.page(edition, Category.HEALTHCARE, 1, 3)).extracting(RankedLists.Row::applicationNumber)
			.containsExactly(number("EZ-0004"));
	}

	@Test
	void aNewApplicationTakesItsPlaceAndEveryPositionAgreesWithTheList() {
		UUID first = place("EZ-0101", LocalDate.of(1991, 1, 1), 10, Category.SPORT);
		UUID second = place("EZ-0102", LocalDate.of(1992, 1, 1), 10, Category.SPORT);
		assertThat(lists.position(second)).contains(2L);

		UUID newcomer = UUID.randomUUID();
		long placed = lists.place(new RankedLists.Entry(newcomer, number("EZ-0103"), null, "920101300013",
				LocalDate.of(1993, 1, 1), edition, Category.SPORT, 13, "v1", "Test Applicant"), Instant.now());
		assertThat(placed).isOne();
		assertThat(lists.position(first)).contains(2L);
		assertThat(lists.position(second)).contains(3L);
		for (RankedLists.Row row : lists.page(edition, Category.SPORT, 0, 10)) {
			assertThat(row.position()).isBetween(1L, 3L);
		}
		assertThat(lists.position(UUID.randomUUID())).isEmpty();

		// re-assessed with more points (placed again): it moves up, and nobody is counted twice
		lists.place(new RankedLists.Entry(second, number("EZ-0102"), null, "900101300017", LocalDate.of(1992, 1, 1),
				edition, Category.SPORT, 30, "v2", "Test Applicant"), Instant.now());
		assertThat(lists.position(second)).contains(1L);
		assertThat(lists.position(newcomer)).contains(2L);
		assertThat(lists.position(first)).contains(3L);
	}

	@Test
	void aCitizensPositionsTakeOneConnectionWhateverTheyHold() throws Exception {
		UUID first = UUID.randomUUID();
		lists.place(new RankedLists.Entry(first, number("EZ-0201"), "dana", "900101300017", LocalDate.of(1990, 1, 1),
				edition, Category.CULTURE, 12, "v1", "Test Applicant"), Instant.now());
		place("EZ-0202", LocalDate.of(1989, 1, 1), 15, Category.CULTURE);

		// the pool has one connection left: a second one wanted while the rows are read would never come
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			while (held.size() < pool.getMaximumPoolSize() - 1) {
				held.add(pool.getConnection());
			}
			assertThat(lists.standingsOf("dana")).filteredOn(standing -> standing.edition().equals(edition))
				.extracting(RankedLists.Standing::position, RankedLists.Standing::of)
				.containsExactly(tuple(2L, 2L));
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	/** Application numbers are unique across the shared database. */
	private String number(String number) {
		return number + "-" + edition.substring(5, 13);
	}

	private UUID place(String number, LocalDate birthDate, int points, Category category) {
		UUID id = UUID.randomUUID();
		lists.place(new RankedLists.Entry(id, number(number), null, "900101300017", birthDate,
				edition, category, points, "v1", "Test Applicant"), Instant.now());
		return id;
	}
}
