package dev.llmfleet.api.registry;

/** Where an instance stands in the registry. */
public enum InstanceStatus {
    /** Heartbeating within its time-to-live. */
    UP,
    /** Missed its heartbeats; evicted if it stays silent for another time-to-live. */
    DOWN
}
