package dev.llmfleet.observability.events;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.observability.alert.AlertEngine;
import dev.llmfleet.observability.alert.Signal;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Raises what the hub itself notices (a stale instance, a stalled or finished run, an anomaly): on
 * the error bus, for everyone, and straight to the alert engine. The engine counts an event id once,
 * so the copy that comes back from the bus is not counted again.
 */
@Component
public class HubEvents {

    static final String SERVICE = "observability-hub";

    private final AlertEngine engine;
    private final ObjectProvider<ErrorReporter> reporter;
    private final Clock clock;

    HubEvents(AlertEngine engine, ObjectProvider<ErrorReporter> reporter, Clock clock) {
        this.engine = engine;
        this.reporter = reporter;
        this.clock = clock;
    }

    public void raise(Severity severity, String code, String message, Map<String, String> labels) {
        ErrorReporter bus = reporter.getIfAvailable();
        FleetEvent reported = bus == null ? null : bus.event(severity, code, message);
        String id = reported == null ? UUID.randomUUID().toString() : reported.id();
        engine.onEvent(new Signal(id, SERVICE, code, severity, message, labels, clock.instant()));
    }
}
