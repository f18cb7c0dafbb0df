package kz.khc.notification;

import java.time.Clock;
import java.time.ZoneId;

import kz.khc.workingdays.WorkingDayCalendar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationService {

	public static void main(String[] args) {
		SpringApplication.run(NotificationService.class, args);
	}

	/** Legal dates and times are those of Astana. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Almaty"));
	}

	@Bean
	WorkingDayCalendar workingDays() {
		return WorkingDayCalendar.kazakhstan();
	}
}
