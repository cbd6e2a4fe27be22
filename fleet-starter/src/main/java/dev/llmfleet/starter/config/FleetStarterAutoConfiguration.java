package dev.llmfleet.starter.config;

import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.starter.errors.ErrorReporter;
import dev.llmfleet.starter.metrics.CommonTagsCustomizer;
import dev.llmfleet.starter.registry.FleetHttpClients;
import dev.llmfleet.starter.registry.ServiceLocator;
import dev.llmfleet.starter.registry.ServiceRegistrar;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.ScheduledTaskFailures;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import dev.llmfleet.starter.web.ProblemDetailsAdvice;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** What every fleet service gets from the starter: registry, look-ups, problem details, metric tags. */
@AutoConfiguration
@EnableConfigurationProperties(FleetStarterProperties.class)
public class FleetStarterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The service's long-lived loops, restarted after a crash; the actuator's {@code workers} component. */
    @Bean("workers")
    @ConditionalOnMissingBean
    LoopSupervisor loopSupervisor(
            ObjectProvider<ErrorReporter> reporter, Clock clock, FleetStarterProperties properties) {
        FleetStarterProperties.Supervision settings = properties.supervision();
        return new LoopSupervisor(
                reporter::getIfAvailable,
                new SupervisedLoop.Backoff(settings.backoffFloor(), settings.backoffCeiling(), settings.healthyAfter()),
                clock);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer fleetScheduledFailures(ObjectProvider<ErrorReporter> reporter) {
        ScheduledTaskFailures failures = new ScheduledTaskFailures(reporter::getIfAvailable);
        return scheduler -> scheduler.setErrorHandler(failures);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer fleetPooledScheduledFailures(ObjectProvider<ErrorReporter> reporter) {
        ScheduledTaskFailures failures = new ScheduledTaskFailures(reporter::getIfAvailable);
        return scheduler -> scheduler.setErrorHandler(failures);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    CommonTagsCustomizer fleetCommonTags(
            @Value("${spring.application.name:fleet}") String service, FleetStarterProperties properties) {
        return new CommonTagsCustomizer(service, properties.instance().host());
    }

    @Bean
    @ConditionalOnMissingBean
    RegistryClient registryClient(RestClient.Builder builder, FleetStarterProperties properties) {
        RestClient restClient =
                builder.clone().baseUrl(properties.registry().url().toString()).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
                .build()
                .createClient(RegistryClient.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceLocator serviceLocator(
            RegistryClient registryClient,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            FleetStarterProperties properties,
            Clock clock) {
        return new ServiceLocator(
                registryClient,
                breakers.circuitBreaker(
                        "registry",
                        () -> CircuitBreakerConfig.custom()
                                .slidingWindowSize(10)
                                .minimumNumberOfCalls(5)
                                .waitDurationInOpenState(Duration.ofSeconds(5))
                                .build()),
                retries.retry(
                        "registry",
                        () -> RetryConfig.custom()
                                .maxAttempts(3)
                                .waitDuration(Duration.ofMillis(100))
                                .build()),
                properties.registry().cacheTtl(),
                clock);
    }

    @Bean
    @ConditionalOnMissingBean
    FleetHttpClients fleetHttpClients(
            RestClient.Builder builder, ServiceLocator locator, CircuitBreakerRegistry breakers) {
        return new FleetHttpClients(builder, locator, breakers);
    }

    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "fleet.registry.enabled", havingValue = "true", matchIfMissing = true)
    ServiceRegistrar serviceRegistrar(
            RegistryClient registryClient,
            FleetStarterProperties properties,
            @Value("${spring.application.name}") String serviceName,
            @Value("${fleet.service.host-role:control}") String defaultRole,
            LoopSupervisor supervisor) {
        String role = properties.instance().role() == null
                ? defaultRole
                : properties.instance().role();
        return new ServiceRegistrar(
                registryClient,
                serviceName,
                properties.instance().host(),
                role,
                properties.registry().heartbeatInterval(),
                Map.of(
                        "version",
                        FleetStarterAutoConfiguration.class.getPackage().getImplementationVersion() == null
                                ? "dev"
                                : FleetStarterAutoConfiguration.class
                                        .getPackage()
                                        .getImplementationVersion()),
                supervisor::down);
    }
}
