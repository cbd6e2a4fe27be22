package dev.llmfleet.inference;

import dev.llmfleet.starter.FleetService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:dev/llmfleet/inference/inference-defaults.properties")
@FleetService(name = "inference-service", port = 8765, schema = "inference", hostRole = "inference")
public class InferenceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InferenceServiceApplication.class, args);
    }
}
