package kz.khc.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationService {

	public static void main(String[] args) {
		SpringApplication.run(NotificationService.class, args);
	}
}
