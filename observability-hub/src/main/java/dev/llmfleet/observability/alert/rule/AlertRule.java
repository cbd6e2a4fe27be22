package dev.llmfleet.observability.alert.rule;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AlertSeverity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One alert rule: a metric or an event, a condition on its value, how long it must hold, and where
 * the notification goes.
 *
 * @param metric the metric's Prometheus name ({@code fleet_observability_instance_stale}); null for
 *     an event rule
 * @param matchLabels the labels a metric series must carry to be watched
 * @param event the event code an event rule counts ({@code *} for any); null for a metric rule
 * @param eventService only events of this service count, when set
 * @param minEventSeverity only events at least this severe count, when set
 * @param window an event rule's value is the number of matching events in this window
 * @param holdFor how long the condition must hold before the alert fires
 * @param labels added to every alert of the rule
 * @param channels where its notifications go; the console always gets them
 * @param line the line of the rules file the rule starts on
 */
public record AlertRule(
        String name,
        String metric,
        Map<String, String> matchLabels,
        String event,
        String eventService,
        Severity minEventSeverity,
        Duration window,
        Condition condition,
        double threshold,
        Duration holdFor,
        AlertSeverity severity,
        String summary,
        Map<String, String> labels,
        Set<String> channels,
        int line) {

    /** The channels a rule may name. */
    public static final List<String> KNOWN_CHANNELS = List.of("console", "slack", "email", "webhook", "alertmanager");

    public AlertRule {
        matchLabels = Map.copyOf(matchLabels);
        labels = Map.copyOf(labels);
        channels = Set.copyOf(channels);
    }

    public boolean isEventRule() {
        return event != null;
    }

    /** Whether an event of this service, code and severity counts for this rule. */
    public boolean matchesEvent(String service, String code, Severity eventSeverity) {
        return isEventRule()
                && ("*".equals(event) || event.equals(code))
                && (eventService == null || eventService.equals(service))
                && (minEventSeverity == null || eventSeverity.compareTo(minEventSeverity) >= 0);
    }

    /** Whether a metric series with these labels is watched by this rule. */
    public boolean matchesSeries(String name, Map<String, String> seriesLabels) {
        return !isEventRule()
                && metric.equals(name)
                && matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(seriesLabels.get(e.getKey())));
    }

    public String describe() {
        String subject = isEventRule() ? "events '" + event + "' in " + window : metric;
        return "%s %s %s".formatted(subject, condition.symbol(), threshold);
    }
}
