package dev.llmfleet.trainer.control;

import java.util.UUID;

/** What the status shows about a run from its first moment. */
public record RunStart(
        UUID jobId, UUID leaseId, String dataset, String datasetName, long totalSteps, Long resumedFromStep) {}
