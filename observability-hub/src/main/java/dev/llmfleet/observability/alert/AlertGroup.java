package dev.llmfleet.observability.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** A group of identical alerts (same rule and labels), notified at most once per group window. */
@Entity
@Table(name = "alert_group")
class AlertGroup {

    @Id
    @Column(name = "group_key")
    private String groupKey;

    @Column(name = "last_sent_at", nullable = false)
    private Instant lastSentAt;

    @Version
    private long version;

    protected AlertGroup() {}

    AlertGroup(String groupKey, Instant sentAt) {
        this.groupKey = groupKey;
        this.lastSentAt = sentAt;
    }

    boolean windowOpen(Instant now, Duration groupWindow) {
        return !now.isBefore(lastSentAt.plus(groupWindow));
    }

    void sent(Instant now) {
        if (now.isBefore(lastSentAt)) {
            throw new IllegalStateException(
                    "Group %s was last sent at %s, after %s".formatted(groupKey, lastSentAt, now));
        }
        lastSentAt = now;
    }
}
