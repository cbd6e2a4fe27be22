package dev.llmfleet.inference.health;

import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.starter.security.FleetSecurityAutoConfiguration;
import dev.llmfleet.starter.security.FleetSecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Probes are open and reloading a model is an admin action; the fleet's defaults cover the rest
 * ({@code /v1/**} needs {@code inference:use}, reads {@code fleet:read}).
 */
@Configuration(proxyBeanMethods = false)
class InferenceSecurityRules {

    @Bean
    FleetSecurityRules inferenceRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/health", "/ready")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/models/reload")
                .hasAuthority(FleetSecurityAutoConfiguration.scope(FleetScopes.ADMIN));
    }
}
