package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertSeverity;
import dev.llmfleet.api.observability.AlertState;
import dev.llmfleet.api.observability.AlertView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One alert and its episode: PENDING while the condition holds for less than the rule's duration,
 * FIRING once it held long enough, RESOLVED when it cleared; a resolved alert whose condition
 * holds again starts a new episode. It also remembers what was last notified about it, so that a
 * restarted hub neither repeats nor forgets a notification.
 */
@Entity
@Table(name = "alert")
class Alert {

    @Id
    private String fingerprint;

    @Column(name = "rule_name", nullable = false)
    private String ruleName;

    @Column(name = "group_key", nullable = false)
    private String groupKey;

    @Convert(converter = LabelsConverter.class)
    @Column(nullable = false)
    private Map<String, String> labels;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertSeverity severity;

    private String summary;

    @Column(nullable = false)
    private String channels;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertState state;

    @Column(nullable = false)
    private double value;

    @Column(name = "active_since", nullable = false)
    private Instant activeSince;

    @Column(name = "fired_at")
    private Instant firedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "notified_state")
    private AlertState notifiedState;

    @Column(name = "last_notified_at")
    private Instant lastNotifiedAt;

    @Version
    private long version;

    protected Alert() {}

    Alert(String fingerprint, String ruleName, String groupKey, Map<String, String> labels, Instant now, double value) {
        this.fingerprint = fingerprint;
        this.ruleName = ruleName;
        this.groupKey = groupKey;
        this.labels = Map.copyOf(labels);
        this.state = AlertState.PENDING;
        this.activeSince = now;
        this.value = value;
    }

    /** The rule's settings as they are now (a reloaded rule may have changed them). */
    void describe(AlertSeverity severity, String summary, Set<String> channels) {
        this.severity = severity;
        this.summary = summary;
        this.channels = String.join(",", channels);
    }

    /** The condition holds now; a resolved alert starts a new episode. */
    void holds(Instant now, double value, Duration holdFor) {
        this.value = value;
        if (state == AlertState.RESOLVED) {
            state = AlertState.PENDING;
            activeSince = now;
            firedAt = null;
            resolvedAt = null;
            notifiedState = null;
            lastNotifiedAt = null;
        }
        if (state == AlertState.PENDING && !now.isBefore(activeSince.plus(holdFor))) {
            fire(now);
        }
    }

    private void fire(Instant now) {
        if (state != AlertState.PENDING) {
            throw new IllegalStateException("Alert %s cannot fire from %s".formatted(fingerprint, state));
        }
        state = AlertState.FIRING;
        firedAt = now;
    }

    /** The condition no longer holds (or its rule is gone). */
    void clear(Instant now) {
        if (state == AlertState.RESOLVED) {
            throw new IllegalStateException("Alert %s is resolved already".formatted(fingerprint));
        }
        state = AlertState.RESOLVED;
        resolvedAt = now;
    }

    /** Whether a notification is owed: it fired and was not told, it resolved after being told it fired, or a repeat is due. */
    boolean needsNotice(Instant now, Duration repeatInterval) {
        return switch (state) {
            case PENDING -> false;
            case FIRING -> notifiedState != AlertState.FIRING || !now.isBefore(lastNotifiedAt.plus(repeatInterval));
            case RESOLVED -> notifiedState == AlertState.FIRING;
        };
    }

    void notified(Instant now) {
        if (state == AlertState.PENDING) {
            throw new IllegalStateException("Alert %s is pending; nothing to notify".formatted(fingerprint));
        }
        notifiedState = state;
        lastNotifiedAt = now;
    }

    boolean active() {
        return state != AlertState.RESOLVED;
    }

    AlertView toView() {
        return new AlertView(
                fingerprint,
                ruleName,
                state,
                severity,
                labels,
                summary,
                value,
                activeSince,
                firedAt,
                resolvedAt,
                lastNotifiedAt);
    }

    String fingerprint() {
        return fingerprint;
    }

    String ruleName() {
        return ruleName;
    }

    String groupKey() {
        return groupKey;
    }

    AlertState state() {
        return state;
    }

    AlertSeverity severity() {
        return severity;
    }

    Set<String> channels() {
        return new LinkedHashSet<>(Arrays.asList(channels.split(",")));
    }
}
