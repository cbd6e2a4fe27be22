package dev.llmfleet.starter.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own authorization rules, applied before the fleet's defaults (reads need
 * {@code fleet:read}, changes {@code fleet:operate}, {@code /api/**}{@code /admin/**}
 * {@code fleet:admin}, {@code /v1/**} {@code inference:use}). Declare one as a bean.
 */
@FunctionalInterface
public interface FleetSecurityRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
