package dev.llmfleet.observability.alert;

import java.util.Map;

/**
 * The current value of one metric series, by its Prometheus name and labels.
 *
 * @param name e.g. {@code fleet_observability_instance_stale}
 */
public record Sample(String name, Map<String, String> labels, double value) {

    public Sample {
        labels = Map.copyOf(labels);
    }
}
