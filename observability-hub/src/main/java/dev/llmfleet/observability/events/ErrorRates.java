package dev.llmfleet.observability.events;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Error rates from the bus: events per minute over the last five minutes, per severity, exported as
 * {@code fleet.observability.errors.per.minute}, and a counter per service and severity. The last
 * events are kept for the dashboard.
 */
@Component
public class ErrorRates {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int RECENT = 100;

    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Severity, Deque<Instant>> seen = new EnumMap<>(Severity.class);
    private final Deque<FleetEvent> recent = new ArrayDeque<>();

    ErrorRates(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
        for (Severity severity : Severity.values()) {
            seen.put(severity, new ArrayDeque<>());
            Gauge.builder("fleet.observability.errors.per.minute", this, rates -> rates.perMinute(severity))
                    .description("Events per minute on the error bus over the last five minutes")
                    .tag("severity", severity.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
    }

    public synchronized void record(FleetEvent event) {
        seen.get(event.severity()).addLast(clock.instant());
        recent.addFirst(event);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
        Counter.builder("fleet.observability.bus.events")
                .description("Events received from the error bus")
                .tags(
                        "source_service",
                        event.service(),
                        "severity",
                        event.severity().name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
    }

    public synchronized double perMinute(Severity severity) {
        Instant since = clock.instant().minus(WINDOW);
        Deque<Instant> times = seen.get(severity);
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
        return times.size() / (double) WINDOW.toMinutes();
    }

    /** The last events received, newest first. */
    public synchronized List<FleetEvent> recent() {
        return List.copyOf(recent);
    }
}
