package kz.khc.identity;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IdentityService {

	public static void main(String[] args) {
		SpringApplication.run(IdentityService.class, args);
	}

	/** Legal dates and times are those of Astana. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Almaty"));
	}
}
