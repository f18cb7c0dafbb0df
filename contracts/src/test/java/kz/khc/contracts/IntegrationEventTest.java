package kz.khc.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.khc.contracts.elorda.v1.ProgrammeCategory;
import kz.khc.contracts.scoring.v1.DirectionIssued;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationEventTest {

	@Test
	void anEventsVersionAndTypeComeFromItsPackageAndName() {
		UUID direction = UUID.randomUUID();
		var event = new DirectionIssued(UUID.randomUUID(), Instant.now(), direction, "EZD-1", UUID.randomUUID(),
				"EZ-1", "person", "Name", "651106450323", ProgrammeCategory.SPORT, 1, 10, LocalDate.now(),
				LocalDate.now().plusDays(14), "CODE");
		assertThat(event.schemaVersion()).isEqualTo(1);
		assertThat(event.eventType()).isEqualTo("DirectionIssued");
		assertThat(event.topic()).isEqualTo("scoring.direction-issued.v1");
		assertThat(event.aggregateId()).isEqualTo(direction.toString());
	}
}
