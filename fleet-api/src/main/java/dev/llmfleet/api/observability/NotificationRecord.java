package dev.llmfleet.api.observability;

import java.time.Instant;

/**
 * One notification the hub sent, or is trying to send, through one channel.
 *
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED} (gave up after the configured attempts)
 * @param kind {@code firing} or {@code resolved}
 * @param title the notification's one-line summary
 */
public record NotificationRecord(
        long id,
        String group,
        String channel,
        String kind,
        String title,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {}
