package dev.llmfleet.observability.events;

import dev.llmfleet.api.errorbus.ErrorBusClient;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.SequencedEvent;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.alert.AlertEngine;
import dev.llmfleet.observability.alert.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The hub's durable subscription to the error-bus's event log: reads every event after its
 * persisted position, oldest first, page after page until caught up, and hands each page to the
 * alert engine in the transaction that moves the position past it. A restarted hub resumes after
 * the last event it took; events stored while it was away, however many, are all taken, once.
 *
 * <p>A hub that has never read the log (no position yet) starts at its beginning but does not
 * alert on events older than {@code fleet.observability.sources.first-start-look-back}: a new hub
 * on an old bus would otherwise raise the alerts of the whole retention period at once.
 */
@Component
class DurableSubscription {

    static final String FEED = "error-bus";
    static final int PAGE = 500;
    private static final int REMEMBERED = 10_000;

    private final AlertEngine engine;
    private final ErrorRates rates;
    private final FeedCursor cursor;
    private final Clock clock;
    private final Duration lookBack;
    private final Set<String> taken = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private boolean started;
    private Instant skipBefore; // only while the backlog found at a first start is read

    DurableSubscription(
            AlertEngine engine, ErrorRates rates, FeedCursor cursor, Clock clock, ObservabilityProperties properties) {
        this.engine = engine;
        this.rates = rates;
        this.cursor = cursor;
        this.clock = clock;
        this.lookBack = properties.sources().firstStartLookBack();
    }

    /** Takes everything the log holds after the persisted position; how many events it took. */
    int catchUp(ErrorBusClient bus) {
        int total = 0;
        int count;
        do {
            count = takePage(bus);
            total += count;
        } while (count == PAGE);
        return total;
    }

    /**
     * Takes the next page of the log after the persisted position, whole or not at all; how many
     * events it held ({@link #PAGE} when more may be waiting).
     */
    synchronized int takePage(ErrorBusClient bus) {
        List<SequencedEvent> page = bus.log(position(), PAGE);
        if (!page.isEmpty()) {
            take(page);
        }
        if (page.size() < PAGE) {
            skipBefore = null; // the backlog of a first start is read
        }
        return page.size();
    }

    /** Whether this event was taken lately (a live copy of it needs no catch-up). */
    synchronized boolean taken(String eventId) {
        return taken.contains(eventId);
    }

    private long position() {
        OptionalLong stored = cursor.position(FEED);
        if (!started) {
            started = true;
            skipBefore = stored.isEmpty() ? clock.instant().minus(lookBack) : null;
        }
        return stored.orElse(0);
    }

    private void take(List<SequencedEvent> page) {
        List<FleetEvent> events = page.stream()
                .map(SequencedEvent::event)
                .filter(e -> skipBefore == null || !e.occurredAt().isBefore(skipBefore))
                .toList();
        long last = page.getLast().seq();
        engine.onEvents(events.stream().map(Signal::from).toList(), () -> cursor.advance(FEED, last, clock.instant()));
        events.forEach(rates::record);
        page.forEach(e -> taken.add(e.event().id()));
    }
}
