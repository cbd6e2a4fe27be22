package dev.llmfleet.observability.health;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.InstanceHealth;
import dev.llmfleet.observability.events.HubEvents;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Raises {@code instance-stale} and {@code instance-recovered} events for the bus and the alert engine. */
@Component
class StaleInstanceEvents implements StaleListener {

    private final HubEvents events;

    StaleInstanceEvents(HubEvents events) {
        this.events = events;
    }

    @Override
    public void becameStale(InstanceHealth health) {
        events.raise(
                Severity.WARNING,
                "instance-stale",
                "Instance %s of %s is stale (health %s, last healthy %s)"
                        .formatted(health.instanceId(), health.serviceName(), health.status(), health.lastHealthy()),
                labels(health));
    }

    @Override
    public void recovered(InstanceHealth health) {
        events.raise(
                Severity.INFO,
                "instance-recovered",
                "Instance %s of %s is healthy again".formatted(health.instanceId(), health.serviceName()),
                labels(health));
    }

    private static Map<String, String> labels(InstanceHealth health) {
        return Map.of("target_service", health.serviceName(), "target_instance", health.instanceId());
    }
}
