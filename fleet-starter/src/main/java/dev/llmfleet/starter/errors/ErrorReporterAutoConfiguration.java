package dev.llmfleet.starter.errors;

import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.registry.ServiceRegistrar;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ErrorHandler;

/**
 * Gives every fleet service its {@link ErrorReporter}: over NATS JetStream when
 * {@code fleet.errorbus.nats.url} is set, else over the PostgreSQL inbox; and reports what fails in
 * {@code @Scheduled} background loops.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(ErrorBusReporterProperties.class)
@ConditionalOnProperty(name = "fleet.errorbus.reporter.enabled", havingValue = "true", matchIfMissing = true)
public class ErrorReporterAutoConfiguration {

    private static final Log log = LogFactory.getLog(ErrorReporterAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fleet.errorbus.nats.url")
    static class NatsTransportConfiguration {

        @Bean
        @ConditionalOnMissingBean
        NatsBus natsBus(
                ErrorBusReporterProperties properties, @Value("${spring.application.name:fleet}") String service) {
            return new NatsBus(properties, service);
        }

        @Bean
        @ConditionalOnMissingBean
        EventTransport natsEventTransport(NatsBus bus, EventCodec codec) {
            return new NatsEventTransport(bus, codec);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${fleet.errorbus.nats.url:}'.isEmpty()")
    @ConditionalOnBean(DataSource.class)
    static class PostgresTransportConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EventTransport postgresEventTransport(
                DataSource dataSource, EventCodec codec, ErrorBusReporterProperties properties) {
            return new PostgresEventTransport(
                    dataSource, codec, properties.stream(), new EventSubjects(properties.subjectPrefix()));
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBean(EventTransport.class)
    @ConditionalOnMissingBean
    EventDispatcher eventDispatcher(
            EventTransport transport,
            EventCodec codec,
            ErrorBusReporterProperties properties,
            FleetStarterProperties fleet,
            MeterRegistry meters,
            Environment environment,
            @Value("${spring.application.name:fleet}") String service) {
        ErrorBusReporterProperties.Reporter settings = properties.reporter();
        Path dir = spoolDir(settings, fleet, environment, service);
        EventDispatcher dispatcher = new EventDispatcher(
                transport,
                EventSpool.open(dir, settings.spoolMaxBytes(), codec),
                settings,
                meters,
                "fleet-errorbus-" + service);
        dispatcher.start();
        log.info("Reporting to the error bus over " + transport.name());
        return dispatcher;
    }

    @Bean
    @ConditionalOnBean(EventDispatcher.class)
    @ConditionalOnMissingBean
    ErrorReporter errorReporter(
            EventDispatcher dispatcher,
            Clock clock,
            FleetStarterProperties fleet,
            ObjectProvider<ServiceRegistrar> registrar,
            @Value("${spring.application.name:fleet}") String service) {
        String fallback = service + "@" + fleet.instance().host();
        return new ErrorReporter(
                service,
                () -> {
                    ServiceRegistrar current = registrar.getIfAvailable();
                    String id = current == null ? null : current.instanceId();
                    return id == null ? fallback : id;
                },
                dispatcher,
                clock);
    }

    @Bean
    @ConditionalOnBean(ErrorReporter.class)
    ThreadPoolTaskSchedulerCustomizer errorReportingThreadPoolScheduler(ErrorReporter reporter) {
        return scheduler -> scheduler.setErrorHandler(backgroundErrors(reporter));
    }

    @Bean
    @ConditionalOnBean(ErrorReporter.class)
    SimpleAsyncTaskSchedulerCustomizer errorReportingSimpleAsyncScheduler(ErrorReporter reporter) {
        return scheduler -> scheduler.setErrorHandler(backgroundErrors(reporter));
    }

    private static ErrorHandler backgroundErrors(ErrorReporter reporter) {
        return error -> {
            log.error("Unexpected error in a background task", error);
            reporter.backgroundFailure(error);
        };
    }

    private static Path spoolDir(
            ErrorBusReporterProperties.Reporter settings,
            FleetStarterProperties fleet,
            Environment environment,
            String service) {
        if (settings.spoolDir() != null) {
            return settings.spoolDir();
        }
        if (environment.getProperty("fleet.datasource.test-isolation", Boolean.class, false)) {
            try {
                // like the test database: a test run never replays another run's leftovers
                return Files.createTempDirectory("fleet-errorbus-spool-" + service);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fleet.dataDir().resolve("errorbus-spool").resolve(service);
    }
}
