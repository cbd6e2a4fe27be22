package dev.llmfleet.api.trainer;

/**
 * What the trainer's worker is doing.
 *
 * <pre>
 * IDLE ──lease──► TRAINING ──(done, failed, abandoned)──► IDLE
 * TRAINING ──pause──► PAUSING ──checkpoint──► PAUSED ──resume──► IDLE (the job is queued again)
 * TRAINING ──stop──► STOPPING ──checkpoint──► IDLE (the job waits, PAUSED, on the scheduler)
 * TRAINING ──skip──► SKIPPING ──checkpoint──► IDLE (the job waits at the end of the LOW queue)
 * IDLE ──pause──► PAUSED (takes no work until resumed)
 * </pre>
 */
public enum TrainerState {
    IDLE,
    TRAINING,
    PAUSING,
    PAUSED,
    STOPPING,
    SKIPPING
}
