package kz.khc.cabinet;

import java.time.Clock;
import java.time.ZoneId;

import kz.khc.workingdays.WorkingDayCalendar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CabinetService {

	public static void main(String[] args) {
		SpringApplication.run(CabinetService.class, args);
	}

	/** Dates with legal meaning (due dates, write-offs) are in Asia/Almaty. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Almaty"));
	}

	/** Kazakhstan's working days: due dates on a day off move to the next working day (DOMAIN I9). */
	@Bean
	WorkingDayCalendar workingDayCalendar() {
		return WorkingDayCalendar.kazakhstan();
	}
}
