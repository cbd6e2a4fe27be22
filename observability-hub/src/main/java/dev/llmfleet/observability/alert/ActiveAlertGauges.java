package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertSeverity;
import dev.llmfleet.api.observability.AlertState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** {@code fleet.observability.alerts.firing{severity}}: the alerts firing after the last evaluation. */
@Component
class ActiveAlertGauges {

    private final Map<AlertSeverity, AtomicInteger> firing = new EnumMap<>(AlertSeverity.class);

    ActiveAlertGauges(MeterRegistry meters) {
        for (AlertSeverity severity : AlertSeverity.values()) {
            AtomicInteger count = new AtomicInteger();
            firing.put(severity, count);
            Gauge.builder("fleet.observability.alerts.firing", count, AtomicInteger::get)
                    .description("Alerts firing after the last evaluation")
                    .tag("severity", severity.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }

    void update(Collection<Alert> alerts) {
        Map<AlertSeverity, Integer> counts = new EnumMap<>(AlertSeverity.class);
        for (Alert alert : alerts) {
            if (alert.state() == AlertState.FIRING && alert.severity() != null) {
                counts.merge(alert.severity(), 1, Integer::sum);
            }
        }
        firing.forEach((severity, count) -> count.set(counts.getOrDefault(severity, 0)));
    }
}
