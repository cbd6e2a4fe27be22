package dev.llmfleet.scheduler;

import dev.llmfleet.starter.FleetService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@FleetService(name = "resource-scheduler", port = 7003, schema = "scheduler")
public class ResourceSchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResourceSchedulerApplication.class, args);
    }
}
