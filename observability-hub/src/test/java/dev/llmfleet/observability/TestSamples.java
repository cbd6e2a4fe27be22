package dev.llmfleet.observability;

import dev.llmfleet.observability.alert.Sample;
import dev.llmfleet.observability.alert.SampleSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The hub's own meters plus series a test sets by hand. */
public class TestSamples implements SampleSource {

    private final SampleSource meters;
    private final Map<String, Sample> extra = new ConcurrentHashMap<>();

    public TestSamples(SampleSource meters) {
        this.meters = meters;
    }

    public void set(String name, double value) {
        extra.put(name, new Sample(name, Map.of(), value));
    }

    public void remove(String name) {
        extra.remove(name);
    }

    public void clear() {
        extra.clear();
    }

    @Override
    public List<Sample> samples() {
        List<Sample> all = new ArrayList<>(meters.samples());
        all.addAll(extra.values());
        return all;
    }
}
