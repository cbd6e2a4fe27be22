package dev.llmfleet.trainer.lifecycle.imports;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.starter.security.FleetSecurityAutoConfiguration;
import dev.llmfleet.starter.security.FleetSecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Importing reads files from the trainer host's disk into the fleet: an administrator's action. */
@Configuration(proxyBeanMethods = false)
class ImportSecurityRules {

    @Bean
    FleetSecurityRules importRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, ModelVersionsClient.BASE_PATH + "/import")
                .hasAuthority(FleetSecurityAutoConfiguration.scope(FleetScopes.ADMIN));
    }
}
