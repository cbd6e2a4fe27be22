package dev.llmfleet.api.trainer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the model answered to the dataset's fixed prompts at one evaluation step. */
public record EvolutionSnapshot(
        String dataset,
        long step,
        UUID jobId,
        Double trainingLoss,
        Double validationLoss,
        int correct,
        int total,
        List<SnapshotAnswer> answers,
        Instant takenAt) {

    public EvolutionSnapshot {
        answers = List.copyOf(answers);
    }
}
