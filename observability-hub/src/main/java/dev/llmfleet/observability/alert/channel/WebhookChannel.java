package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.api.observability.AlertNotification;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Posts every notification, as the {@link AlertNotification} JSON, to a configured URL. */
class WebhookChannel implements NotificationChannel {

    private final RestClient http;
    private final URI url;

    WebhookChannel(RestClient http, URI url) {
        this.http = http;
        this.url = url;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(AlertNotification notification) {
        http.post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .body(notification)
                .retrieve()
                .toBodilessEntity();
    }
}
