package dev.llmfleet.starter.config;

import dev.llmfleet.starter.FleetService;
import dev.llmfleet.starter.datasource.FleetDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every fleet service its defaults and its database.
 *
 * <p>Runs after the config files are read, so that a URL set anywhere wins. Defaults are added
 * last (lowest precedence); the database URL chosen here is added first only when the fleet picked
 * it (embedded PostgreSQL, Testcontainers, or an isolated test database).
 */
public class FleetServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "fleetServiceDefaults";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        FleetService service = findService(application);
        if (service == null || environment.getPropertySources().contains(DEFAULTS)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults(service)));
        FleetDatabases.configure(environment);
    }

    private static FleetService findService(SpringApplication application) {
        for (Object source : application.getAllSources()) {
            if (source instanceof Class<?> type) {
                FleetService service = AnnotatedElementUtils.findMergedAnnotation(type, FleetService.class);
                if (service != null) {
                    return service;
                }
            }
        }
        Class<?> main = application.getMainApplicationClass();
        return main == null ? null : AnnotatedElementUtils.findMergedAnnotation(main, FleetService.class);
    }

    static Map<String, Object> defaults(FleetService service) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.application.name", service.name());
        defaults.put("server.port", service.port());
        defaults.put("fleet.service.host-role", service.hostRole());
        defaults.put("spring.threads.virtual.enabled", true);
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
        // a peer that stops answering must not hold a caller forever; longer than the scheduler's
        // lease long-poll (20 s), shorter than a lease
        defaults.put("spring.http.clients.connect-timeout", "5s");
        defaults.put("spring.http.clients.read-timeout", "60s");
        defaults.put("spring.jpa.open-in-view", false);
        defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
        defaults.put("spring.jpa.properties.hibernate.default_schema", service.schema());
        defaults.put("spring.flyway.schemas", service.schema());
        defaults.put("spring.flyway.default-schema", service.schema());
        defaults.put("spring.flyway.create-schemas", true);
        defaults.put("spring.flyway.locations", "classpath:db/migration/" + service.schema());
        defaults.put("spring.datasource.hikari.schema", service.schema());
        defaults.put("spring.datasource.hikari.maximum-pool-size", 8);
        defaults.put("spring.datasource.hikari.minimum-idle", 1);
        defaults.put("spring.datasource.hikari.pool-name", service.name());
        List<String> exposed = new ArrayList<>(List.of("health", "info", "prometheus"));
        exposed.addAll(List.of(service.extraEndpoints()));
        defaults.put("management.endpoints.web.exposure.include", String.join(",", exposed));
        defaults.put("management.endpoint.health.probes.enabled", true);
        defaults.put("management.endpoint.health.probes.add-additional-paths", true);
        defaults.put("management.health.readinessstate.enabled", true);
        defaults.put("management.health.livenessstate.enabled", true);
        // a service whose worker loop is restarting after a crash is not ready (LoopSupervisor)
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,workers");
        defaults.put("springdoc.api-docs.path", "/v3/api-docs");
        return defaults;
    }
}
