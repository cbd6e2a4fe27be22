package dev.llmfleet.observability.fleet;

import dev.llmfleet.api.observability.FleetOverview.SourceStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whether each source the hub reads answered last time: {@code fleet.observability.source.up}. A
 * source that does not exist yet (no API to read) is reported absent with the reason, never faked.
 */
@Component
public class SourceStatuses {

    /** Every source the hub knows of. */
    public static final List<String> SOURCES = List.of("resource-scheduler", "error-bus", "trainer", "inference");

    private final Clock clock;
    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();

    SourceStatuses(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        for (String source : SOURCES) {
            statuses.put(source, new SourceStatus(false, "not read yet", null));
            Gauge.builder(
                            "fleet.observability.source.up",
                            statuses,
                            s -> s.get(source).available() ? 1 : 0)
                    .description("1 when the hub could read the source at its last attempt")
                    .tag("source", source)
                    .register(meters);
        }
    }

    public void up(String source, String detail) {
        statuses.put(source, new SourceStatus(true, detail, clock.instant()));
    }

    public void down(String source, String detail) {
        statuses.put(source, new SourceStatus(false, detail == null ? "unavailable" : detail, clock.instant()));
    }

    public Map<String, SourceStatus> all() {
        return new TreeMap<>(statuses);
    }
}
