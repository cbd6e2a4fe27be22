package dev.llmfleet.observability.alert;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.time.Instant;
import java.util.Map;

/**
 * An event the alert engine counts: from the error-bus, or raised inside the hub (a stale
 * instance, a stalled run, an anomaly).
 *
 * @param id unique per event; an event seen twice is counted once
 * @param labels extra labels the alert carries besides {@code service} and {@code code}
 */
public record Signal(
        String id,
        String service,
        String code,
        Severity severity,
        String message,
        Map<String, String> labels,
        Instant occurredAt) {

    public Signal {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static Signal from(FleetEvent event) {
        return new Signal(
                event.id(),
                event.service(),
                event.code(),
                event.severity(),
                event.message(),
                Map.of(),
                event.occurredAt());
    }
}
