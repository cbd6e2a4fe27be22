package dev.llmfleet.starter.security;

import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.api.security.SecurityAdminClient;
import dev.llmfleet.api.security.TrustReport;
import dev.llmfleet.starter.config.FleetStarterAutoConfiguration;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.registry.FleetHttpClients;
import dev.llmfleet.starter.registry.ServiceLocator;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Every fleet service as an OAuth2 resource server: JWTs checked against the gateway's JWKS (found
 * through the registry), API keys checked by introspection at the gateway, problem details for
 * 401/403. Health, readiness, Prometheus, the OpenAPI document and the registry are open.
 *
 * <p>Calls to other services carry this service's own token (client credentials). With
 * {@code fleet.security.enabled=false} every endpoint is open and no token is sent: for tests that
 * are not about security.
 */
@AutoConfiguration(
        before = FleetStarterAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"
        })
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class, OpaqueTokenIntrospector.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({FleetSecurityProperties.class, FleetStarterProperties.class})
@EnableWebSecurity
public class FleetSecurityAutoConfiguration {

    /** The registry name of the gateway. */
    public static final String GATEWAY = "security-gateway";

    /** Always open: probes, metrics, the API description, and the registry (see DESIGN.md). */
    static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/livez",
        "/readyz",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error",
        "/api/registry/**"
    };

    private static final Log log = LogFactory.getLog(FleetSecurityAutoConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fleet.security.enabled", havingValue = "false")
    static class SecurityOff {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 10)
        SecurityFilterChain fleetSecurityFilterChain(HttpSecurity http) {
            log.warn("fleet.security.enabled=false: every endpoint of this service is open");
            return eagerHeaders(http)
                    .csrf(csrf -> csrf.disable())
                    .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fleet.security.enabled", havingValue = "true", matchIfMissing = true)
    static class SecurityOn {

        /** The gateway reached through the registry, without a bearer token (the token comes from there). */
        @Bean
        GatewayClient fleetGatewayClient(
                ObjectProvider<RestClient.Builder> builder,
                ObjectProvider<ServiceLocator> locator,
                ObjectProvider<CircuitBreakerRegistry> breakers) {
            return new GatewayClient(SingletonSupplier.of(
                    () -> new FleetHttpClients(builder.getObject(), locator.getObject(), breakers.getObject())
                            .restClient(GATEWAY)));
        }

        @Bean
        ServiceCredentials fleetServiceCredentials(
                FleetSecurityProperties security,
                FleetStarterProperties fleet,
                @Value("${spring.application.name:fleet}") String serviceName) {
            String clientId =
                    security.clientId() == null || security.clientId().isBlank() ? serviceName : security.clientId();
            return new ServiceCredentials(clientId, security.clientSecret(), fleet.dataDir());
        }

        @Bean
        @ConditionalOnMissingBean
        ServiceTokenSource fleetServiceTokenSource(
                GatewayClient gateway,
                ServiceCredentials credentials,
                FleetSecurityProperties security,
                ObjectProvider<Clock> clock) {
            return new ClientCredentialsTokenSource(
                    gateway,
                    credentials,
                    security.clientScopes(),
                    security.tokenRefreshSkew(),
                    clock.getIfAvailable(Clock::systemUTC));
        }

        /** Lazy: test slices have no registry look-up, and nothing there asks for clients. */
        @Bean
        @Lazy
        @ConditionalOnMissingBean
        FleetHttpClients fleetHttpClients(
                ObjectProvider<RestClient.Builder> builder,
                ObjectProvider<ServiceLocator> locator,
                ObjectProvider<CircuitBreakerRegistry> breakers,
                ServiceTokenSource tokens) {
            return new AuthenticatedFleetHttpClients(
                    builder.getObject(), locator.getObject(), breakers.getObject(), tokens);
        }

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder fleetJwtDecoder(
                GatewayClient gateway, FleetSecurityProperties security, ObjectProvider<Clock> clock) {
            return FleetJwtDecoders.create(
                    new GatewayJwkSource(
                            gateway,
                            security.jwksCacheTtl(),
                            security.jwksRefreshMinInterval(),
                            clock.getIfAvailable(Clock::systemUTC)),
                    security.issuer(),
                    security.audience());
        }

        @Bean
        @ConditionalOnMissingBean
        OpaqueTokenIntrospector fleetTokenIntrospector(
                GatewayClient gateway,
                ServiceCredentials credentials,
                FleetSecurityProperties security,
                ObjectProvider<Clock> clock) {
            return new CachingTokenIntrospector(
                    new GatewayIntrospector(gateway, credentials),
                    security.introspectionCacheTtl(),
                    clock.getIfAvailable(Clock::systemUTC));
        }

        /** Tells the gateway about requests refused for scope, in the background and best-effort. */
        @Bean
        @ConditionalOnMissingBean
        SecurityProblems.ScopeRefusalListener fleetScopeRefusalListener(ObjectProvider<FleetHttpClients> clients) {
            Supplier<SecurityAdminClient> admin =
                    SingletonSupplier.of(() -> clients.getObject().client(GATEWAY, SecurityAdminClient.class));
            return request -> {
                Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                if (caller == null || caller.getName() == null) {
                    return;
                }
                String what = request.getMethod() + " " + request.getRequestURI();
                Thread.ofVirtual().start(() -> {
                    try {
                        admin.get().report(new TrustReport(caller.getName(), TrustReport.Kind.SCOPE_REFUSED, what));
                    } catch (RuntimeException e) {
                        log.debug("Could not report a scope refusal of " + caller.getName() + ": " + e.getMessage());
                    }
                });
            };
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 10)
        SecurityFilterChain fleetSecurityFilterChain(
                HttpSecurity http,
                JwtDecoder jwtDecoder,
                OpaqueTokenIntrospector introspector,
                SecurityProblems.ScopeRefusalListener refusals,
                FleetSecurityProperties security,
                List<FleetSecurityRules> serviceRules) {
            AuthenticationManager jwt = new ProviderManager(new JwtAuthenticationProvider(jwtDecoder));
            AuthenticationManager apiKey = new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector));
            AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> byKind =
                    request -> BearerTokens.carriesApiKey(request) ? apiKey : jwt;
            var entryPoint = SecurityProblems.entryPoint();
            var denied = SecurityProblems.accessDenied(refusals);
            return eagerHeaders(http)
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(rules -> {
                        rules.requestMatchers(OPEN_PATHS).permitAll();
                        if (!security.publicPaths().isEmpty()) {
                            rules.requestMatchers(security.publicPaths().toArray(String[]::new))
                                    .permitAll();
                        }
                        serviceRules.forEach(r -> r.configure(rules));
                        rules.requestMatchers("/v1/**").hasAuthority(scope(FleetScopes.INFERENCE));
                        rules.requestMatchers("/api/admin/**", "/api/*/admin/**")
                                .hasAuthority(scope(FleetScopes.ADMIN));
                        rules.requestMatchers(HttpMethod.GET).hasAuthority(scope(FleetScopes.READ));
                        rules.requestMatchers(HttpMethod.HEAD).hasAuthority(scope(FleetScopes.READ));
                        rules.anyRequest().hasAuthority(scope(FleetScopes.OPERATE));
                    })
                    .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(byKind)
                            .authenticationEntryPoint(entryPoint)
                            .accessDeniedHandler(denied))
                    .exceptionHandling(
                            e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                    .build();
        }
    }

    /**
     * Security headers are written before the request is handled, not when the response commits: a
     * streamed answer commits on its own thread while the request thread leaves the filter chain,
     * and two threads writing headers at once corrupt Tomcat's header table (a dropped response).
     */
    static HttpSecurity eagerHeaders(HttpSecurity http) {
        return http.headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        }));
    }

    /** The authority Spring Security derives from a scope. */
    public static String scope(String scope) {
        return "SCOPE_" + scope;
    }

    /** A lazily made client for the gateway (the registry may not know it yet at start-up). */
    public static final class GatewayClient implements Supplier<RestClient> {

        private final Supplier<RestClient> client;

        public GatewayClient(Supplier<RestClient> client) {
            this.client = client;
        }

        @Override
        public RestClient get() {
            return client.get();
        }
    }
}
