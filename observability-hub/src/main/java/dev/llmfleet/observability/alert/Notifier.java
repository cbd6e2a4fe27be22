package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertNotification;
import dev.llmfleet.api.observability.AlertSeverity;
import dev.llmfleet.api.observability.AlertState;
import dev.llmfleet.api.observability.AlertView;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.alert.channel.Channels;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides which notifications are owed, inside the evaluation's transaction: per group, the alerts
 * that started firing, resolved after being notified, or are due a repeat; at most once per group
 * window. Each decision becomes one outbox row per channel, written with the alert state it reflects.
 */
@Component
class Notifier {

    private static final Log log = LogFactory.getLog(Notifier.class);

    private final AlertRepository alerts;
    private final AlertGroupRepository groups;
    private final OutboxRepository outbox;
    private final Channels channels;
    private final ObservabilityProperties.Alerts settings;
    private final JsonMapper json = JsonMapper.builder().build();

    Notifier(
            AlertRepository alerts,
            AlertGroupRepository groups,
            OutboxRepository outbox,
            Channels channels,
            ObservabilityProperties properties) {
        this.alerts = alerts;
        this.groups = groups;
        this.outbox = outbox;
        this.channels = channels;
        this.settings = properties.alerts();
    }

    void plan(Instant now) {
        Duration repeat = settings.repeatInterval();
        Map<String, List<Alert>> owed = alerts.findNotificationCandidates().stream()
                .filter(alert -> alert.needsNotice(now, repeat))
                .collect(Collectors.groupingBy(Alert::groupKey));
        owed.forEach((key, members) -> {
            AlertGroup group = groups.findById(key).orElse(null);
            if (group != null && !group.windowOpen(now, settings.groupWindow())) {
                return; // told within the window: the changes wait for the next one
            }
            write(key, members, now);
            members.forEach(alert -> alert.notified(now));
            if (group == null) {
                groups.save(new AlertGroup(key, now));
            } else {
                group.sent(now);
            }
        });
    }

    private void write(String key, List<Alert> members, Instant now) {
        boolean firing = members.stream().anyMatch(a -> a.state() == AlertState.FIRING);
        AlertSeverity severity = members.stream()
                .map(Alert::severity)
                .max(Comparator.naturalOrder())
                .orElse(AlertSeverity.WARNING);
        List<AlertView> views = members.stream()
                .sorted(Comparator.comparing((Alert a) -> a.state() != AlertState.FIRING))
                .map(Alert::toView)
                .toList();
        AlertNotification notification =
                new AlertNotification(key, firing ? "firing" : "resolved", severity, views, now);
        String payload = json.writeValueAsString(notification);
        Set<String> targets = new LinkedHashSet<>();
        targets.add("console");
        members.forEach(a -> targets.addAll(a.channels()));
        for (String channel : targets) {
            if (channels.configured(channel)) {
                outbox.save(new OutboxNotification(
                        key, channel, notification.status(), notification.title(), payload, now));
            } else {
                log.debug("Channel " + channel + " is not configured; " + notification.title() + " skips it");
            }
        }
    }
}
