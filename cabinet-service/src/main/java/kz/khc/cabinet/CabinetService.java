package kz.khc.cabinet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CabinetService {

	public static void main(String[] args) {
		SpringApplication.run(CabinetService.class, args);
	}
}
