package dev.llmfleet.api.trainer;

import java.util.List;

/**
 * How the answer to one fixed prompt changed over the snapshots.
 *
 * @param correctBySnapshot one entry per step of {@link EvolutionSummary#steps()}
 * @param firstCorrectStep the first step it was right, null when never
 * @param rightSinceStep the step from which it stayed right up to the last snapshot, null when it
 *     is wrong in the last one
 */
public record ExampleEvolution(
        int index,
        String prompt,
        String expected,
        List<Boolean> correctBySnapshot,
        Long firstCorrectStep,
        Long rightSinceStep) {

    public ExampleEvolution {
        correctBySnapshot = List.copyOf(correctBySnapshot);
    }
}
