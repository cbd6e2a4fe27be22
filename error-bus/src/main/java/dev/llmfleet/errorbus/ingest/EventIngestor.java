package dev.llmfleet.errorbus.ingest;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.errorbus.ErrorBusProperties;
import dev.llmfleet.errorbus.deadletter.DeadLetterService;
import dev.llmfleet.errorbus.event.EventService;
import dev.llmfleet.errorbus.live.LiveEvents;
import dev.llmfleet.starter.errors.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Turns a batch of bus messages into stored events, whichever transport delivered them.
 *
 * <p>Unparseable or invalid messages are dead-lettered at once (they will never store). Valid ones
 * are stored in one transaction; when that fails, one by one, so that one bad row does not hold up
 * the rest; a message that still fails is delivered again until {@code maxDeliveries}, then
 * dead-lettered. Newly stored events go to the live subscribers.
 */
@Component
class EventIngestor {

    private static final Log log = LogFactory.getLog(EventIngestor.class);

    private record Parsed(int index, InboundMessage message, FleetEvent event) {}

    private final EventCodec codec;
    private final Validator validator;
    private final EventService events;
    private final DeadLetterService deadLetters;
    private final LiveEvents live;
    private final ErrorBusProperties.Consumer settings;
    private final Clock clock;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter retries;
    private final Timer lag;

    EventIngestor(
            EventCodec codec,
            Validator validator,
            EventService events,
            DeadLetterService deadLetters,
            LiveEvents live,
            ErrorBusProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.codec = codec;
        this.validator = validator;
        this.events = events;
        this.deadLetters = deadLetters;
        this.live = live;
        this.settings = properties.consumer();
        this.clock = clock;
        this.stored = Counter.builder("fleet.errorbus.events.stored").register(meters);
        this.duplicates = Counter.builder("fleet.errorbus.events.duplicates")
                .description("Messages whose event was already stored (retried publishes, redeliveries)")
                .register(meters);
        this.retries = Counter.builder("fleet.errorbus.events.retries")
                .description("Messages that failed to store and will be delivered again")
                .register(meters);
        this.lag = Timer.builder("fleet.errorbus.events.lag")
                .description("From an event's occurrence to its storing")
                .register(meters);
    }

    /** The outcome of each message, in the order given. */
    List<Outcome> ingest(List<InboundMessage> messages) {
        Outcome[] outcomes = new Outcome[messages.size()];
        Arrays.fill(outcomes, Outcome.DONE);
        List<Parsed> valid = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            InboundMessage message = messages.get(i);
            FleetEvent event = parse(message);
            if (event != null) {
                valid.add(new Parsed(i, message, event));
            }
        }
        if (!valid.isEmpty()) {
            storeAll(valid, outcomes);
        }
        return List.of(outcomes);
    }

    private FleetEvent parse(InboundMessage message) {
        FleetEvent event;
        try {
            event = codec.decode(message.payload());
        } catch (IllegalArgumentException e) {
            deadLetter(message, "unparseable", e.getMessage());
            return null;
        }
        Set<ConstraintViolation<FleetEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            deadLetter(
                    message,
                    "invalid",
                    violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining(", ")));
            return null;
        }
        return event;
    }

    private void storeAll(List<Parsed> batch, Outcome[] outcomes) {
        try {
            List<FleetEvent> fresh =
                    events.storeNew(batch.stream().map(Parsed::event).toList());
            stored(fresh, batch.size());
        } catch (DataAccessException e) {
            log.warn("A batch of %d events failed to store; storing them one by one: %s"
                    .formatted(batch.size(), e.getMostSpecificCause().getMessage()));
            batch.forEach(parsed -> outcomes[parsed.index()] = storeOne(parsed));
        }
    }

    private Outcome storeOne(Parsed parsed) {
        try {
            stored(events.storeNew(List.of(parsed.event())), 1);
            return Outcome.DONE;
        } catch (DataAccessException e) {
            String reason = e.getMostSpecificCause().getMessage();
            if (parsed.message().deliveries() >= settings.maxDeliveries()) {
                deadLetter(parsed.message(), "store-failed", reason);
                return Outcome.DONE;
            }
            retries.increment();
            return Outcome.RETRY;
        }
    }

    private void stored(List<FleetEvent> fresh, int attempted) {
        stored.increment(fresh.size());
        duplicates.increment(attempted - fresh.size());
        var now = clock.instant();
        // clocks of different hosts may disagree a little; a negative lag counts as none
        fresh.forEach(e -> lag.record(max(Duration.between(e.occurredAt(), now), Duration.ZERO)));
        if (!fresh.isEmpty()) {
            live.publish(fresh);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void deadLetter(InboundMessage message, String kind, String reason) {
        deadLetters.deadLetter(
                message.messageId(), message.subject(), kind, reason, message.payload(), message.deliveries());
    }
}
