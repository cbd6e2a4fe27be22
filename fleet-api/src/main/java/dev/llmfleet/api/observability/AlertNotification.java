package dev.llmfleet.api.observability;

import java.time.Instant;
import java.util.List;

/**
 * What a channel is given to send: the alerts of one group that changed (or are repeated).
 *
 * @param group the group key: the rule and the labels the group is made of
 * @param status {@code firing} when any of the alerts fires, {@code resolved} when all cleared
 * @param severity the highest severity among the alerts
 * @param alerts the alerts, firing ones first
 * @param createdAt when the notification was decided
 */
public record AlertNotification(
        String group, String status, AlertSeverity severity, List<AlertView> alerts, Instant createdAt) {

    public AlertNotification {
        alerts = List.copyOf(alerts);
    }

    public boolean firing() {
        return "firing".equals(status);
    }

    /** One line for humans: {@code [FIRING] CRITICAL instance-stale (2 alerts)}. */
    public String title() {
        String rules = alerts.stream()
                .map(AlertView::rule)
                .distinct()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        return "[%s] %s %s (%d alert%s)"
                .formatted(
                        status.toUpperCase(java.util.Locale.ROOT),
                        severity,
                        rules,
                        alerts.size(),
                        alerts.size() == 1 ? "" : "s");
    }
}
