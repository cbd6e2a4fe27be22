package dev.llmfleet.orchestrator.pipeline;

/** Where an evaluation stands: created, its job on the scheduler, reported, or failed for good. */
enum EvaluationState {
    CREATED,
    SUBMITTED,
    REPORTED,
    FAILED;

    boolean isOpen() {
        return this == CREATED || this == SUBMITTED;
    }
}
