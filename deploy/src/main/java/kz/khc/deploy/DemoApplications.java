package kz.khc.deploy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import kz.khc.contracts.IntegrationEvent;
import kz.khc.contracts.Iin;
import kz.khc.contracts.elorda.v1.ApplicationFacts;
import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import kz.khc.contracts.elorda.v1.ApplicationVerified;
import kz.khc.contracts.elorda.v1.ProgrammeCategory;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * The local run's demo applications to Elorda Zhastary 2026, sent as the intake sends them until it takes
 * applications itself (issue 7): three submitted and verified per category, so that the ranked lists, the akimat's
 * directions and the bank's inbox have people in them. The demo citizen 900315300010 heads the healthcare list; in
 * education two applicants have the same points and birth date (a tie staff see flagged, DOMAIN S4). The events have
 * fixed ids: sent again on every start, they are processed once.
 */
final class DemoApplications {

	/** The id realm-elorda.json gives the demo citizen 900315300010. */
	static final String DEMO_CITIZEN_ID = "4b1c6f0e-8a53-4d2e-9c71-2f5e8d903a17";
	static final String DEMO_CITIZEN_IIN = "900315300010";
	static final int PER_CATEGORY = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DemoApplications() {
	}

	static void publish(String bootstrapServers) {
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
				new ByteArraySerializer())) {
			for (IntegrationEvent event : events()) {
				var record = new ProducerRecord<>(event.topic(), event.aggregateId(), JSON.writeValueAsBytes(event));
				event.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
				producer.send(record).get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not send the demo applications", ex);
		}
	}

	static List<IntegrationEvent> events() {
		List<IntegrationEvent> events = new ArrayList<>();
		int serial = 0;
		for (ProgrammeCategory category : ProgrammeCategory.values()) {
			for (int i = 0; i < PER_CATEGORY; i++) {
				serial++;
				boolean citizen = category == ProgrammeCategory.HEALTHCARE && i == 0;
				boolean tied = category == ProgrammeCategory.EDUCATION && i > 0;
				LocalDate birth = citizen ? LocalDate.of(1990, 3, 15)
						: tied ? LocalDate.of(1994, 7, 1) : LocalDate.of(1991 + serial % 9, 1 + serial % 12, 10);
				// S1: 5 a full year and 3 for a part, so a longer service ranks higher
				LocalDate hired = citizen ? LocalDate.of(2012, 9, 1)
						: tied ? LocalDate.of(2019, 9, 1) : LocalDate.of(2024 - i * 3 - serial % 3, 9, 1);
				String iin = citizen ? DEMO_CITIZEN_IIN : iin(birth, serial % 2 == 0, 1000 + serial);
				events.addAll(application(serial, category, iin, citizen ? "Серикбаев Ерлан"
						: NAMES.get(serial % NAMES.size()), birth, hired, citizen ? DEMO_CITIZEN_ID : null, citizen));
			}
		}
		return events;
	}

	private static final List<String> NAMES = List.of("Сейткали Айгерим", "Жумабеков Ерлан", "Ким Анастасия",
			"Нурланова Дана", "Тохтаров Арман", "Иванова Мария", "Бекова Алия", "Сапаров Нуржан", "Ли Виктория",
			"Омарова Гульнар", "Касымов Тимур");

	private static List<IntegrationEvent> application(int serial, ProgrammeCategory category, String iin,
			String name, LocalDate birth, LocalDate hired, @Nullable String applicantId,
			boolean disabledChild) {
		UUID applicationId = id("application", serial);
		String number = "EZ-2026-%06d".formatted(900_000 + serial);
		Instant submitted = Instant.parse("2026-02-10T05:00:00Z").plusSeconds(3_600L * serial);
		boolean orphan = category == ProgrammeCategory.ORPHANS;
		var facts = new ApplicationFacts(new BigDecimal("18000000"),
				new ApplicationFacts.Applicant(iin, name, birth, "KZ",
						new ApplicationFacts.Registration("ASTANA", true, LocalDate.of(2015, 1, 1)),
						new ApplicationFacts.Employment(orphan ? ProgrammeCategory.SPORT : category, "ASTANA", true,
								true, hired, false),
						new ApplicationFacts.Education(ApplicationFacts.Education.Level.HIGHER, true), null,
						orphan ? "ASTANA" : null),
				disabledChild ? List.of(new ApplicationFacts.FamilyMember(ApplicationFacts.FamilyMember.Relation.CHILD,
						LocalDate.of(2018, 5, 20), "ASTANA", true, 3)) : List.of(),
				List.of(amount(250_000), amount(250_000), amount(255_000), amount(255_000), amount(260_000),
						amount(260_000)),
				List.of(new ApplicationFacts.Deposit(ApplicationFacts.Deposit.Holder.APPLICANT, "OTBASY",
						amount(1_900_000))),
				new ApplicationFacts.Property(false, false, false));
		String applicant = applicantId == null ? id("applicant", serial).toString() : applicantId;
		Instant verified = Instant.parse("2026-03-20T06:00:00Z").plusSeconds(60L * serial);
		return List.of(
				new ApplicationSubmitted(id("submitted", serial), submitted, applicationId, number, category, submitted,
						applicant, iin, null, facts),
				// the points are the intake's copy of the assessment, which the demo has not seen: scoring uses its own
				new ApplicationVerified(id("verified", serial), verified, applicationId, number, applicant, category,
						0, verified));
	}

	/** A valid IIN of a person born that day (DOMAIN, "Kazakhstan specifics"): the first serial with a check digit. */
	static String iin(LocalDate birth, boolean male, int serial) {
		String century = male ? "3" : "4";
		for (int candidate = serial;; candidate++) {
			String first = "%02d%02d%02d%s%04d".formatted(birth.getYear() % 100, birth.getMonthValue(),
					birth.getDayOfMonth(), century, candidate % 10_000);
			for (int check = 0; check < 10; check++) {
				if (Iin.isValid(first + check)) {
					return first + check;
				}
			}
		}
	}

	private static BigDecimal amount(long tenge) {
		return BigDecimal.valueOf(tenge);
	}

	private static UUID id(String kind, int serial) {
		return UUID.nameUUIDFromBytes(("elorda-demo/" + kind + "/" + serial).getBytes(StandardCharsets.UTF_8));
	}
}
