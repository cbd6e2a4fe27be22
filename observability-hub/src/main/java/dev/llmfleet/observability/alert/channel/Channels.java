package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.observability.ObservabilityProperties;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The channels configured in this hub: the console always, the others when their address is set. */
@Component
public class Channels {

    private static final Log log = LogFactory.getLog(Channels.class);

    private final Map<String, NotificationChannel> channels = new LinkedHashMap<>();

    public Channels(
            ObservabilityProperties properties, RestClient.Builder builder, ObjectProvider<JavaMailSender> mail) {
        ObservabilityProperties.Channels config = properties.channels();
        RestClient http = http(builder, config);
        add(new ConsoleChannel());
        if (config.slack().webhookUrl() != null) {
            add(new SlackChannel(http, config.slack().webhookUrl()));
        }
        if (config.webhook().url() != null) {
            add(new WebhookChannel(http, config.webhook().url()));
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null && !config.email().to().isEmpty()) {
            add(new EmailChannel(sender, config.email().from(), config.email().to()));
        }
        if (config.alertmanager().url() != null) {
            add(new AlertmanagerChannel(http, config.alertmanager().url()));
        }
        log.info("Alert channels: " + String.join(", ", channels.keySet()));
    }

    private void add(NotificationChannel channel) {
        channels.put(channel.name(), channel);
    }

    public Optional<NotificationChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    public boolean configured(String name) {
        return channels.containsKey(name);
    }

    private static RestClient http(RestClient.Builder builder, ObservabilityProperties.Channels config) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(config.timeout()).build());
        factory.setReadTimeout(config.timeout());
        return builder.clone().requestFactory(factory).build();
    }
}
