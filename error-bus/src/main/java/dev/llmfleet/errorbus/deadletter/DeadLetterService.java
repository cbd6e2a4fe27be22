package dev.llmfleet.errorbus.deadletter;

import dev.llmfleet.api.errorbus.DeadLetter;
import dev.llmfleet.errorbus.event.InvalidEventQueryException;
import dev.llmfleet.starter.errors.NatsBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Keeps what could not be stored: in the {@code dead_letter} table, which is the record, and on the
 * bus's dead-letter subject when the bus is NATS, for whoever watches it.
 */
@Service
public class DeadLetterService {

    /** Header of a dead letter on the bus: why it died. */
    public static final String REASON_HEADER = "Fleet-Dead-Letter-Reason";

    private static final Log log = LogFactory.getLog(DeadLetterService.class);
    private static final int MAX_LIMIT = 1000;

    private final DeadLetterStore store;
    private final ObjectProvider<NatsBus> nats;
    private final MeterRegistry meters;
    private final Clock clock;

    DeadLetterService(DeadLetterStore store, ObjectProvider<NatsBus> nats, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.nats = nats;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Dead-letters one message.
     *
     * @param kind a low-cardinality name of the reason, for the metric: {@code unparseable},
     *     {@code invalid} or {@code store-failed}
     */
    public void deadLetter(
            String messageId, String subject, String kind, String reason, byte[] payload, int deliveries) {
        String text = new String(payload, StandardCharsets.UTF_8).replace('\0', '?');
        store.insert(messageId, subject, kind + ": " + reason, text, deliveries, clock.instant());
        Counter.builder("fleet.errorbus.dead.letters")
                .description("Messages that could not be stored and went to the dead letters")
                .tag("reason", kind)
                .register(meters)
                .increment();
        log.warn("Dead-lettered message %s on %s after %d deliveries: %s: %s"
                .formatted(messageId, subject, deliveries, kind, reason));
        nats.ifAvailable(bus -> publish(bus, messageId, subject, kind + ": " + reason, payload));
    }

    private static void publish(NatsBus bus, String messageId, String subject, String reason, byte[] payload) {
        try {
            Headers headers = new Headers()
                    .add(REASON_HEADER, reason.length() > 500 ? reason.substring(0, 500) : reason)
                    .add("Fleet-Original-Subject", subject == null ? "" : subject)
                    .add("Nats-Msg-Id", "dead-" + messageId);
            bus.jetStream().publish(bus.subjects().deadLetter(), headers, payload);
        } catch (Exception e) {
            // the table holds it; the subject is a convenience for watchers
            log.warn("Could not publish dead letter " + messageId + " to the bus: " + e.getMessage());
        }
    }

    public List<DeadLetter> recent(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidEventQueryException.because("limit must be between 1 and " + MAX_LIMIT);
        }
        return store.recent(limit);
    }

    public int purgeOlderThan(Duration age, int limit) {
        return store.deleteDeadBefore(clock.instant().minus(age), limit);
    }
}
