package dev.llmfleet.api.observability;

import java.time.Instant;
import java.util.Map;

/**
 * One alert: a rule whose condition holds (or held) for one set of labels.
 *
 * @param fingerprint the rule and labels that identify the alert; identical alerts share it
 * @param value the last value the condition was checked against (a metric's value, or the number
 *     of matching events in the rule's window)
 * @param activeSince when the condition started to hold in this episode
 * @param firedAt when it started firing, null while pending or when it cleared before firing
 * @param resolvedAt when it cleared, null while active
 * @param lastNotifiedAt when a notification about it was last sent, null if never
 */
public record AlertView(
        String fingerprint,
        String rule,
        AlertState state,
        AlertSeverity severity,
        Map<String, String> labels,
        String summary,
        double value,
        Instant activeSince,
        Instant firedAt,
        Instant resolvedAt,
        Instant lastNotifiedAt) {}
