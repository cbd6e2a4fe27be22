package dev.llmfleet.api.observability;

/** The state of a training run as its trainer reports it. */
public enum RunState {
    RUNNING,
    PAUSED,
    COMPLETED,
    FAILED,
    STOPPED;

    /** The run will make no more progress. */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
