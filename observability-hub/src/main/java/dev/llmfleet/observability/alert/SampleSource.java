package dev.llmfleet.observability.alert;

import java.util.List;

/** Where metric rules read their values from. */
@FunctionalInterface
public interface SampleSource {

    List<Sample> samples();
}
