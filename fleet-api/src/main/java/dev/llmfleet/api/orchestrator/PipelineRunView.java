package dev.llmfleet.api.orchestrator;

import java.time.Instant;
import java.util.UUID;

/**
 * One dataset's way through the pipeline, step by step; persisted, so a restart resumes it.
 *
 * @param step TRAINING, EVALUATING, JUDGING, PROMOTING, DEPLOYING, DONE, REJECTED, FAILED
 * @param waitingUntil when the step is tried again after a failed call, null when not waiting
 */
public record PipelineRunView(
        UUID id,
        String dataset,
        String datasetName,
        String skill,
        Integer level,
        UUID jobId,
        String step,
        UUID candidateId,
        UUID evaluationId,
        String version,
        int attempts,
        String lastError,
        Instant waitingUntil,
        Instant createdAt,
        Instant updatedAt) {}
