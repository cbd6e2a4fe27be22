package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.api.observability.AlertNotification;
import dev.llmfleet.api.observability.AlertSeverity;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Posts to a Slack incoming webhook: a text line and one attachment per alert, coloured by severity. */
class SlackChannel implements NotificationChannel {

    private final RestClient http;
    private final URI webhook;

    SlackChannel(RestClient http, URI webhook) {
        this.http = http;
        this.webhook = webhook;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public void send(AlertNotification notification) {
        http.post()
                .uri(webhook)
                .contentType(MediaType.APPLICATION_JSON)
                .body(payload(notification))
                .retrieve()
                .toBodilessEntity();
    }

    static Map<String, Object> payload(AlertNotification notification) {
        String color = !notification.firing()
                ? "good"
                : notification.severity() == AlertSeverity.CRITICAL ? "danger" : "warning";
        List<Map<String, Object>> attachments = notification.alerts().stream()
                .map(alert -> Map.<String, Object>of(
                        "color",
                        color,
                        "title",
                        alert.rule(),
                        "text",
                        Messages.line(alert),
                        "ts",
                        alert.activeSince().getEpochSecond()))
                .toList();
        return Map.of("text", notification.title(), "attachments", attachments);
    }
}
