package dev.llmfleet.observability.alert.channel;

import dev.llmfleet.api.observability.AlertNotification;

/** Somewhere notifications go. {@link #send} throws when the notification did not get there; it is retried. */
public interface NotificationChannel {

    /** The name rules use: {@code console}, {@code slack}, {@code email}, {@code webhook}, {@code alertmanager}. */
    String name();

    void send(AlertNotification notification);
}
