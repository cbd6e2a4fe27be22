package dev.llmfleet.observability.health;

import dev.llmfleet.api.observability.InstanceHealth;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.observability.ObservabilityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientException;

/**
 * Reads the health of every instance the registry knows and says which are stale: not answering
 * UP, or not heartbeating, for longer than the threshold. Turning stale and recovering are logged
 * and told to the {@link StaleListener}s; {@code fleet.observability.instance.stale} is 1 while an
 * instance is stale, which the shipped alert rules turn into an alert that resolves when it returns.
 */
@Service
public class HealthMonitor {

    private static final Log log = LogFactory.getLog(HealthMonitor.class);

    private final RegistryClient registry;
    private final HealthProbe probe;
    private final Duration staleAfter;
    private final Clock clock;
    private final Map<String, InstanceHealth> latest = new ConcurrentHashMap<>();
    private final Map<String, Instant> unhealthySince = new ConcurrentHashMap<>();
    private final MultiGauge upGauge;
    private final MultiGauge staleGauge;
    private final List<StaleListener> listeners;

    public HealthMonitor(
            RegistryClient registry,
            HealthProbe probe,
            ObservabilityProperties properties,
            Clock clock,
            MeterRegistry meters,
            List<StaleListener> listeners) {
        this.registry = registry;
        this.probe = probe;
        this.staleAfter = properties.health().staleAfter();
        this.clock = clock;
        this.upGauge = MultiGauge.builder("fleet.observability.instance.up")
                .description("1 when the instance answers UP and is not stale, 0 otherwise")
                .register(meters);
        this.staleGauge = MultiGauge.builder("fleet.observability.instance.stale")
                .description("1 while the instance is stale, 0 otherwise")
                .register(meters);
        this.listeners = List.copyOf(listeners);
    }

    @Scheduled(
            fixedDelayString = "${fleet.observability.health.poll-interval:10s}",
            initialDelayString = "${fleet.observability.health.poll-interval:10s}")
    public void poll() {
        List<ServiceInstance> instances;
        try {
            instances = registry.allInstances();
        } catch (RestClientException e) {
            // without the registry nothing can be told about anyone: keep the last readings
            log.warn("Cannot list the registered instances: " + e.getMessage());
            return;
        }
        for (ServiceInstance instance : instances) {
            latest.put(instance.instanceId(), check(instance));
        }
        Set<String> known = instances.stream().map(ServiceInstance::instanceId).collect(Collectors.toSet());
        latest.keySet().retainAll(known);
        unhealthySince.keySet().retainAll(known);
        upGauge.register(
                latest.values().stream()
                        .map(h -> MultiGauge.Row.of(
                                Tags.of("target_service", h.serviceName(), "target_instance", h.instanceId()),
                                "UP".equals(h.status()) && !h.stale() ? 1 : 0))
                        .toList(),
                true);
        staleGauge.register(
                latest.values().stream()
                        .map(h -> MultiGauge.Row.of(
                                Tags.of("target_service", h.serviceName(), "target_instance", h.instanceId()),
                                h.stale() ? 1 : 0))
                        .toList(),
                true);
    }

    public List<InstanceHealth> instances() {
        return latest.values().stream()
                .sorted(Comparator.comparing(InstanceHealth::serviceName).thenComparing(InstanceHealth::instanceId))
                .toList();
    }

    private InstanceHealth check(ServiceInstance instance) {
        Instant now = clock.instant();
        String id = instance.instanceId();
        String status = probe.status(instance.baseUri());
        boolean up = "UP".equals(status);
        if (up) {
            unhealthySince.remove(id);
        } else {
            unhealthySince.putIfAbsent(id, now);
        }
        InstanceHealth previous = latest.get(id);
        boolean wasStale = previous != null && previous.stale();
        Instant lastHealthy = up ? now : previous == null ? null : previous.lastHealthy();
        boolean silent = Duration.between(instance.lastHeartbeat(), now).compareTo(staleAfter) >= 0;
        boolean unhealthy = !up && Duration.between(unhealthySince.get(id), now).compareTo(staleAfter) >= 0;
        boolean stale = silent || unhealthy;
        InstanceHealth health = new InstanceHealth(
                instance.serviceName(), id, instance.baseUri().toString(), status, now, lastHealthy, stale);
        if (stale && !wasStale) {
            log.warn("Instance %s of %s is stale: health %s, last heartbeat %s"
                    .formatted(id, instance.serviceName(), status, instance.lastHeartbeat()));
            listeners.forEach(l -> l.becameStale(health));
        } else if (!stale && wasStale) {
            log.info("Instance %s of %s is healthy again".formatted(id, instance.serviceName()));
            listeners.forEach(l -> l.recovered(health));
        }
        return health;
    }
}
