package dev.llmfleet.api.scheduler;

/** What the scheduler tells a worker in answer to a lease heartbeat. */
public enum LeaseAction {
    /** Keep working; the lease was renewed. */
    CONTINUE,
    /** Finish the current batch, save a checkpoint, then report it with {@code paused}. */
    PAUSE,
    /** Stop now: the job was cancelled or skipped, or the lease was lost; do not report on it. */
    ABANDON
}
