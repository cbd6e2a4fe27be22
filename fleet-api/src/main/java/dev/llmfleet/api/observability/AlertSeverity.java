package dev.llmfleet.api.observability;

/** How urgent an alert is. */
public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL
}
