package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertView;
import dev.llmfleet.api.observability.NotificationRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the alerts look like now and what was sent about them. */
@Service
@Transactional(readOnly = true)
public class AlertHistory {

    private static final Duration RECENT = Duration.ofDays(1);

    private final AlertRepository alerts;
    private final OutboxRepository outbox;
    private final Clock clock;

    AlertHistory(AlertRepository alerts, OutboxRepository outbox, Clock clock) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Active alerts and those resolved in the last day, newest first. */
    public List<AlertView> alerts() {
        return alerts.findActiveOrResolvedSince(clock.instant().minus(RECENT)).stream()
                .map(Alert::toView)
                .toList();
    }

    public List<NotificationRecord> notifications(int limit) {
        return outbox.findAllByOrderByIdDesc(Limit.of(limit)).stream()
                .map(OutboxNotification::toRecord)
                .toList();
    }
}
