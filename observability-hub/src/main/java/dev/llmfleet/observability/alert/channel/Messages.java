package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.api.observability.AlertView;
import java.util.stream.Collectors;

/** How an alert reads in a chat message or an e-mail. */
final class Messages {

    private Messages() {}

    static String line(AlertView alert) {
        String labels = alert.labels().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String summary = alert.summary() == null ? "" : " " + alert.summary() + ";";
        return "%s %s:%s value %s {%s} since %s"
                .formatted(alert.state(), alert.rule(), summary, format(alert.value()), labels, alert.activeSince());
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
