package kz.khc.elorda;

import java.time.Clock;
import java.time.ZoneId;

import kz.khc.workingdays.WorkingDayCalendar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ElordaService {

	public static void main(String[] args) {
		SpringApplication.run(ElordaService.class, args);
	}

	/** Working days for the verification deadline (DOMAIN A1): Kazakhstan's calendar. */
	@Bean
	WorkingDayCalendar workingDays() {
		return WorkingDayCalendar.kazakhstan();
	}

	/** Legal dates of the programme are in Asia/Almaty. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Almaty"));
	}
}
