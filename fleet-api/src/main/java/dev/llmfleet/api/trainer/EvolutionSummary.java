package dev.llmfleet.api.trainer;

import java.util.List;

/** A dataset's snapshots side by side: accuracy per step and which examples became right, and when. */
public record EvolutionSummary(
        String dataset, List<Long> steps, List<Integer> correctByStep, int total, List<ExampleEvolution> examples) {

    public EvolutionSummary {
        steps = List.copyOf(steps);
        correctByStep = List.copyOf(correctByStep);
        examples = List.copyOf(examples);
    }
}
