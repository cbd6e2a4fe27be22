package dev.llmfleet.api.observability;

/**
 * Where an alert stands: {@code PENDING} while its condition holds for less than the rule's
 * duration, {@code FIRING} once it has held long enough, {@code RESOLVED} when it cleared.
 */
public enum AlertState {
    PENDING,
    FIRING,
    RESOLVED
}
