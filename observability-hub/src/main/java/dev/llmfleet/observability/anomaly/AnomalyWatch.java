package dev.llmfleet.observability.anomaly;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.Anomaly;
import dev.llmfleet.api.observability.AnomalyKind;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.events.HubEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;

/**
 * Feeds the series the hub collects (loss, throughput, GPU temperature and memory, error rates,
 * latency) to the {@link AnomalyDetector}; an anomaly is counted ({@code fleet.observability.anomalies}),
 * kept for the dashboard, and raised as an {@code anomaly} event.
 */
@Service
public class AnomalyWatch {

    private static final Log log = LogFactory.getLog(AnomalyWatch.class);
    private static final int RECENT = 200;

    private final AnomalyDetector detector;
    private final HubEvents events;
    private final Clock clock;
    private final Map<AnomalyKind, Counter> counters = new EnumMap<>(AnomalyKind.class);
    private final Deque<Anomaly> recent = new ArrayDeque<>();

    AnomalyWatch(ObservabilityProperties properties, HubEvents events, Clock clock, MeterRegistry meters) {
        this.detector = new AnomalyDetector(properties.anomaly());
        this.events = events;
        this.clock = clock;
        for (AnomalyKind kind : AnomalyKind.values()) {
            counters.put(
                    kind,
                    Counter.builder("fleet.observability.anomalies")
                            .description("Points that left their learned baseline")
                            .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    public void observe(AnomalyKind kind, String series, double value) {
        detector.observe(kind, series, value, clock.instant()).ifPresent(this::raise);
    }

    public void forget(AnomalyKind kind, String series) {
        detector.forget(kind, series);
    }

    public synchronized List<Anomaly> recent() {
        return List.copyOf(recent);
    }

    private void raise(Anomaly anomaly) {
        counters.get(anomaly.kind()).increment();
        synchronized (this) {
            recent.addFirst(anomaly);
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
        log.warn("Anomaly in %s: %s (expected about %s, %s)"
                .formatted(anomaly.series(), anomaly.value(), anomaly.expected(), anomaly.reason()));
        events.raise(
                Severity.WARNING,
                "anomaly",
                "%s left its baseline: %s (%s)".formatted(anomaly.series(), anomaly.value(), anomaly.reason()),
                Map.of("kind", anomaly.kind().name().toLowerCase(Locale.ROOT), "series", anomaly.series()));
    }
}
