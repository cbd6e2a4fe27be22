package dev.llmfleet.errorbus.event;

import dev.llmfleet.api.errorbus.EventCount;
import dev.llmfleet.api.errorbus.EventPage;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.SequencedEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/errorbus/events")
class EventController {

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    @GetMapping
    EventPage query(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return events.query(new EventFilter(service, severity, code, clientId, false, from, to), page, size);
    }

    /** The event log after a position, oldest first: see {@code ErrorBusClient#log}. */
    @GetMapping("/log")
    List<SequencedEvent> log(@RequestParam long after, @RequestParam(defaultValue = "500") int limit) {
        return events.log(after, limit);
    }

    @GetMapping("/{id}")
    FleetEvent get(@PathVariable String id) {
        return events.get(id);
    }

    @GetMapping("/counts")
    List<EventCount> counts(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String clientId,
            @RequestParam Instant from,
            @RequestParam Instant to,
            @RequestParam(defaultValue = "PT1M") String bucket) {
        return events.counts(new EventFilter(service, null, null, clientId, false, from, to), bucket);
    }
}
