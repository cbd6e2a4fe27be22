package dev.llmfleet.api.errorbus;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The error-bus service's query API. Live events are served as Server-Sent Events at
 * {@code GET /api/errorbus/events/stream} (same filters as {@link #events}, plus
 * {@code clientOnly=true} for the events held against a client), which this blocking client does
 * not cover.
 */
@HttpExchange("/api/errorbus")
public interface ErrorBusClient {

    @GetExchange("/events")
    EventPage events(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size);

    /**
     * The event log: stored events after position {@code after}, oldest first, at most {@code limit}.
     * A reader that keeps the last {@link SequencedEvent#seq()} it handled and asks again from there
     * sees every stored event once, in order, whenever it reads (a page shorter than {@code limit}
     * means it has caught up). Start from {@code 0}.
     */
    @GetExchange("/events/log")
    List<SequencedEvent> log(@RequestParam long after, @RequestParam(defaultValue = "500") int limit);

    @GetExchange("/events/{id}")
    FleetEvent event(@PathVariable String id);

    @GetExchange("/events/counts")
    List<EventCount> counts(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String clientId,
            @RequestParam Instant from,
            @RequestParam Instant to,
            @RequestParam(defaultValue = "PT1M") String bucket);

    @GetExchange("/dead-letters")
    List<DeadLetter> deadLetters(@RequestParam(defaultValue = "100") int limit);
}
