package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.NotificationRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One notification for one channel: decided with the alert state, then sent; the history of what went out. */
@Entity
@Table(name = "alert_notification")
class OutboxNotification {

    enum Status {
        PENDING,
        SENT,
        FAILED
    }

    private static final int MAX_ERROR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_key", nullable = false)
    private String groupKey;

    @Column(nullable = false)
    private String channel;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxNotification() {}

    OutboxNotification(String groupKey, String channel, String kind, String title, String payload, Instant now) {
        this.groupKey = groupKey;
        this.channel = channel;
        this.kind = kind;
        this.title = title.length() > 1000 ? title.substring(0, 1000) : title;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void sent(Instant now) {
        requirePending();
        attempts++;
        status = Status.SENT;
        sentAt = now;
        lastError = null;
    }

    /** A failed attempt; gives up after {@code maxAttempts}. */
    void failed(String error, int maxAttempts) {
        requirePending();
        attempts++;
        lastError = error == null ? "unknown" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
        }
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Notification %d is %s already".formatted(id, status));
        }
    }

    NotificationRecord toRecord() {
        return new NotificationRecord(
                id, groupKey, channel, kind, title, status.name(), attempts, lastError, createdAt, sentAt);
    }

    Long id() {
        return id;
    }

    String channel() {
        return channel;
    }

    String payload() {
        return payload;
    }

    Status status() {
        return status;
    }
}
