package dev.llmfleet.observability.dashboard;

import dev.llmfleet.starter.security.FleetSecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The dashboard's page, scripts and sign-in are open so that a browser can load them; everything
 * the page shows comes from the API with the bearer token it obtained at sign-in, under the fleet's
 * usual scopes.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityRules {

    @Bean
    FleetSecurityRules dashboardRules() {
        return rules -> rules.requestMatchers(
                        HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/webjars/**", "/favicon.ico")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/observability/dashboard/token")
                .permitAll();
    }
}
