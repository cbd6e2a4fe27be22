package dev.llmfleet.api.trainer;

import java.time.Instant;

/** One snapshot in a dataset's list, without its answers. */
public record SnapshotInfo(
        String dataset,
        long step,
        int correct,
        int total,
        Double trainingLoss,
        Double validationLoss,
        Instant takenAt) {}
