package dev.llmfleet.observability;

import dev.llmfleet.starter.FleetService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@FleetService(name = "observability-hub", port = 7002, schema = "observability")
public class ObservabilityHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ObservabilityHubApplication.class, args);
    }
}
