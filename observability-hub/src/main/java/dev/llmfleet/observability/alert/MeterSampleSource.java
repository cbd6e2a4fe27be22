package dev.llmfleet.observability.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Metric rules read the hub's own meters: the fleet-wide gauges it exports (instances, queue, GPUs,
 * the current run, error rates) are what the rules watch, under their Prometheus names.
 */
@Component
class MeterSampleSource implements SampleSource {

    private final MeterRegistry meters;

    MeterSampleSource(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            double value;
            String suffix = "";
            if (meter instanceof Gauge gauge) {
                value = gauge.value();
            } else if (meter instanceof Counter counter) {
                value = counter.count();
                suffix = "_total";
            } else if (meter instanceof FunctionCounter counter) {
                value = counter.count();
                suffix = "_total";
            } else {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            for (Tag tag : meter.getId().getTagsAsIterable()) {
                labels.put(tag.getKey(), tag.getValue());
            }
            samples.add(new Sample(meter.getId().getName().replace('.', '_') + suffix, labels, value));
        }
        return samples;
    }
}
