package dev.llmfleet.api.observability;

import java.time.Instant;

/**
 * A training run as the run monitor sees it.
 *
 * @param gap validation loss minus training loss, null until both are known (under 0.3
 *     generalising, 0.3 to 0.5 watch, over 0.5 likely over-fitting)
 * @param etaSeconds the time left at the current pace, null when it cannot be told
 * @param stalled no progress for longer than the stall threshold
 * @param archive the verified zip of the finished run, null before it is archived
 * @param report the JSON report of the finished run, null before
 */
public record RunView(
        String runId,
        String dataset,
        RunState state,
        long step,
        long totalSteps,
        Double trainLoss,
        Double validationLoss,
        Double gap,
        Double tokensPerSecond,
        Long etaSeconds,
        Instant startedAt,
        Instant lastProgressAt,
        boolean stalled,
        Instant finishedAt,
        String archive,
        String archiveSha256,
        String report) {}
