package dev.llmfleet.api.trainer;

/** Where an accepted dataset stands on its way through training. */
public enum DatasetStatus {
    /** Stored; its training job is not on the scheduler's queue yet (it will be retried). */
    ACCEPTED,
    QUEUED,
    TRAINING,
    PAUSED,
    COMPLETED,
    /** Skipped by an operator: its job waits at the end of the LOW queue. */
    SKIPPED,
    FAILED
}
