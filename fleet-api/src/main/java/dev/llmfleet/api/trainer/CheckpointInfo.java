package dev.llmfleet.api.trainer;

import java.time.Instant;

/**
 * One checkpoint of a training job.
 *
 * @param path the checkpoint folder, relative to the trainer's data folder (e.g.
 *     {@code runs/<jobId>/checkpoints/step-00000100}), the form
 *     {@link dev.llmfleet.api.lifecycle.ConsolidateRequest#sourceCheckpoint()} takes
 * @param step the training step it was saved at
 * @param trainLoss the training loss when it was saved, when known
 * @param validationLoss the validation loss when it was saved, when known
 * @param complete whether every file of it was written (an incomplete one is never used)
 * @param createdAt when it was written
 */
public record CheckpointInfo(
        String path, long step, Double trainLoss, Double validationLoss, boolean complete, Instant createdAt) {}
