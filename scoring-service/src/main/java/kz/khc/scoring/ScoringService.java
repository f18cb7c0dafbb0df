package kz.khc.scoring;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ScoringService {

	public static void main(String[] args) {
		SpringApplication.run(ScoringService.class, args);
	}

	/** Legal dates of the programme are in Asia/Almaty. */
	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Almaty"));
	}
}
