package dev.llmfleet.trainer.lifecycle;

import dev.llmfleet.starter.config.FleetStarterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

    @Bean
    LifecyclePaths lifecyclePaths(FleetStarterProperties fleet, LifecycleProperties properties) {
        return new LifecyclePaths(fleet.dataDir().resolve("trainer"), properties.secondBackupLocation());
    }
}
