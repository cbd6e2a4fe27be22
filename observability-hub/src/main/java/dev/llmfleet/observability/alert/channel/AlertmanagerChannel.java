package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.api.observability.AlertNotification;
import dev.llmfleet.api.observability.AlertState;
import dev.llmfleet.api.observability.AlertView;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Hands alerts to Prometheus Alertmanager ({@code POST /api/v2/alerts}), which does its own routing;
 * a resolved alert is posted with its {@code endsAt}.
 */
class AlertmanagerChannel implements NotificationChannel {

    private final RestClient http;
    private final URI alerts;

    AlertmanagerChannel(RestClient http, URI baseUrl) {
        this.http = http;
        String base = baseUrl.toString();
        this.alerts = URI.create((base.endsWith("/") ? base : base + "/") + "api/v2/alerts");
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public void send(AlertNotification notification) {
        http.post()
                .uri(alerts)
                .contentType(MediaType.APPLICATION_JSON)
                .body(payload(notification))
                .retrieve()
                .toBodilessEntity();
    }

    static List<Map<String, Object>> payload(AlertNotification notification) {
        return notification.alerts().stream().map(AlertmanagerChannel::alert).toList();
    }

    private static Map<String, Object> alert(AlertView alert) {
        Map<String, String> labels = new HashMap<>(alert.labels());
        labels.put("alertname", alert.rule());
        labels.put("severity", alert.severity().name().toLowerCase(Locale.ROOT));
        Map<String, Object> body = new HashMap<>();
        body.put("labels", labels);
        body.put("annotations", Map.of("summary", alert.summary() == null ? alert.rule() : alert.summary()));
        body.put("startsAt", alert.activeSince().toString());
        if (alert.state() == AlertState.RESOLVED && alert.resolvedAt() != null) {
            body.put("endsAt", alert.resolvedAt().toString());
        }
        return body;
    }
}
