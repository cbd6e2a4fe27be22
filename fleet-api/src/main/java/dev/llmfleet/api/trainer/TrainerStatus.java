package dev.llmfleet.api.trainer;

import java.time.Instant;
import java.util.UUID;

/**
 * The trainer's current state, as {@code GET /api/trainer/status} and {@code control/state.json} show it.
 *
 * @param dataset the SHA-256 of the dataset being trained, or null
 * @param step the last completed step of the current (or last) run
 * @param gap validation minus training loss at the last evaluation: under 0.3 generalising, 0.3 to
 *     0.5 watch, over 0.5 likely over-fitting
 * @param etaSeconds the time the run still needs, by its pace so far
 * @param checkpointStep the step of the run's newest checkpoint
 * @param resumedFromStep the checkpoint step the current run continued from, null for a fresh start
 * @param pausedJobId the job a pause left waiting for resume
 * @param lastEvent the latest thing that happened, for people
 */
public record TrainerStatus(
        TrainerState state,
        UUID jobId,
        UUID leaseId,
        String dataset,
        String datasetName,
        long step,
        long totalSteps,
        Double loss,
        Double validationLoss,
        Double gap,
        Double tokensPerSecond,
        Long etaSeconds,
        Long checkpointStep,
        Long resumedFromStep,
        UUID pausedJobId,
        String lastEvent,
        Instant updatedAt) {}
