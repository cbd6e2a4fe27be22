package dev.llmfleet.api.scheduler;

/**
 * Where a job stands.
 *
 * <pre>
 * QUEUED ──claim──► LEASED ──first heartbeat──► RUNNING ──► COMPLETED
 *   ▲                 │ lease expires / failure     │
 *   └─────────────────┴──── (attempts left) ────────┘ ──► FAILED (no attempts left; retry by hand)
 * QUEUED/LEASED/RUNNING ──► PAUSED (checkpoint confirmed) ──resume──► QUEUED
 * any live state ──► SKIPPED ──► QUEUED (end of the LOW queue); ──► CANCELLED
 * </pre>
 */
public enum JobState {
    QUEUED,
    LEASED,
    RUNNING,
    PAUSED,
    COMPLETED,
    FAILED,
    SKIPPED,
    CANCELLED;

    /** True while a host holds the job under a lease. */
    public boolean isLeased() {
        return this == LEASED || this == RUNNING;
    }

    /** True when nothing will happen to the job unless a person acts. */
    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
