package dev.llmfleet.errorbus;

import dev.llmfleet.starter.FleetService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@FleetService(name = "error-bus", port = 7004, schema = "errorbus")
public class ErrorBusApplication {

    public static void main(String[] args) {
        SpringApplication.run(ErrorBusApplication.class, args);
    }
}
