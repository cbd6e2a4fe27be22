package dev.llmfleet.inference.health;

import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.starter.security.FleetSecurityAutoConfiguration;
import dev.llmfleet.starter.security.FleetSecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Probes are open; reloading a model is an operator's action ({@code fleet:operate}, like deploying
 * through the orchestrator, whose service client holds that scope and not {@code fleet:admin}); the
 * fleet's defaults cover the rest ({@code /v1/**} needs {@code inference:use}, reads {@code fleet:read}).
 */
@Configuration(proxyBeanMethods = false)
class InferenceSecurityRules {

    @Bean
    FleetSecurityRules inferenceRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/health", "/ready")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/models/reload")
                .hasAuthority(FleetSecurityAutoConfiguration.scope(FleetScopes.OPERATE));
    }
}
