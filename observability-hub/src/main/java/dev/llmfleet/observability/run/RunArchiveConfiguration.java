package dev.llmfleet.observability.run;

import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.starter.config.FleetStarterProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RunArchiveConfiguration {

    @Bean
    RunArchiver runArchiver(ObservabilityProperties properties, FleetStarterProperties fleet) {
        Path dir = properties.runs().archiveDir() != null
                ? properties.runs().archiveDir()
                : fleet.dataDir().resolve("observability").resolve("runs");
        return new RunArchiver(dir, JsonMapper.builder().findAndAddModules().build());
    }
}
