package dev.llmfleet.orchestrator;

import dev.llmfleet.starter.FleetService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@FleetService(name = "core-orchestrator", port = 7000, schema = "orchestrator", extraEndpoints = "circuitbreakers")
public class CoreOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoreOrchestratorApplication.class, args);
    }
}
