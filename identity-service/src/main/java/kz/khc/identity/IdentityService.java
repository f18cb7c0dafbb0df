package kz.khc.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityService {

	public static void main(String[] args) {
		SpringApplication.run(IdentityService.class, args);
	}
}
