package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertNotification;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.alert.channel.Channels;
import dev.llmfleet.observability.alert.channel.NotificationChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbox: every pending notification through its channel, marked sent once the channel
 * took it; a failure is retried on the next evaluation until the attempts run out. A notification
 * marked sent is never sent again, also after a restart.
 */
@Component
class NotificationDispatcher {

    private static final Log log = LogFactory.getLog(NotificationDispatcher.class);
    private static final int BATCH = 100;

    private final OutboxRepository outbox;
    private final Channels channels;
    private final int maxAttempts;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationDispatcher(
            OutboxRepository outbox,
            Channels channels,
            ObservabilityProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.channels = channels;
        this.maxAttempts = properties.alerts().deliveryAttempts();
        this.clock = clock;
        this.meters = meters;
    }

    synchronized void dispatch() {
        List<OutboxNotification> pending =
                outbox.findByStatusOrderByIdAsc(OutboxNotification.Status.PENDING, Limit.of(BATCH));
        for (OutboxNotification notification : pending) {
            send(notification);
            outbox.save(notification);
        }
    }

    private void send(OutboxNotification notification) {
        NotificationChannel channel = channels.channel(notification.channel()).orElse(null);
        if (channel == null) {
            notification.failed("channel " + notification.channel() + " is no longer configured", 1);
            count(notification.channel(), "dropped");
            return;
        }
        try {
            channel.send(json.readValue(notification.payload(), AlertNotification.class));
            notification.sent(clock.instant());
            count(channel.name(), "sent");
        } catch (RuntimeException e) {
            notification.failed(e.toString(), maxAttempts);
            count(channel.name(), "failed");
            log.warn("Notification %d through %s failed: %s".formatted(notification.id(), channel.name(), e));
        }
    }

    private void count(String channel, String outcome) {
        Counter.builder("fleet.observability.alerts.notifications")
                .description("Notifications sent, failed or dropped, per channel")
                .tags("channel", channel, "outcome", outcome)
                .register(meters)
                .increment();
    }
}
