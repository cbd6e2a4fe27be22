package dev.llmfleet.errorbus.event;

import dev.llmfleet.api.errorbus.EventCount;
import dev.llmfleet.api.errorbus.EventPage;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.SequencedEvent;
import dev.llmfleet.errorbus.ErrorBusProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores events once per id and answers queries over them. */
@Service
public class EventService {

    private final EventStore store;
    private final TransactionTemplate transactions;
    private final ErrorBusProperties.Query limits;
    private final Clock clock;

    EventService(EventStore store, TransactionTemplate transactions, ErrorBusProperties properties, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.limits = properties.query();
        this.clock = clock;
    }

    /**
     * Stores a batch in one transaction and answers the events that were new; those already stored
     * (same id) are skipped. When one event cannot be stored, nothing of the batch is. Batches are
     * stored one at a time, so the log's sequence grows in the order readers see the events.
     */
    public List<FleetEvent> storeNew(List<FleetEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        boolean[] fresh = transactions.execute(status -> {
            store.lockSequence();
            return store.insertAll(events, clock.instant());
        });
        List<FleetEvent> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (fresh[i]) {
                stored.add(events.get(i));
            }
        }
        return stored;
    }

    public EventPage query(EventFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > limits.maxPageSize()) {
            throw InvalidEventQueryException.because(
                    "page must be >= 0 and size between 1 and " + limits.maxPageSize());
        }
        checkRange(filter);
        List<FleetEvent> events = store.find(filter, (long) page * size, size);
        long total = events.size() < size && (page == 0 || !events.isEmpty())
                ? (long) page * size + events.size()
                : store.count(filter);
        return new EventPage(events, page, size, total);
    }

    /** Stored events after position {@code after} of the log, oldest first. */
    public List<SequencedEvent> log(long after, int limit) {
        if (after < 0 || limit < 1 || limit > limits.maxPageSize()) {
            throw InvalidEventQueryException.because(
                    "after must be >= 0 and limit between 1 and " + limits.maxPageSize());
        }
        return store.findAfter(after, limit);
    }

    public FleetEvent get(String id) {
        return store.find(id).orElseThrow(() -> EventNotFoundException.forId(id));
    }

    /** Counts per bucket of {@code bucket} (ISO-8601, e.g. {@code PT1M}) and severity, from {@code filter.from()}. */
    public List<EventCount> counts(EventFilter filter, String bucket) {
        if (filter.from() == null || filter.to() == null) {
            throw InvalidEventQueryException.because("counts need both 'from' and 'to'");
        }
        checkRange(filter);
        Duration width = parseBucket(bucket);
        long buckets = Duration.between(filter.from(), filter.to()).toMillis() / width.toMillis() + 1;
        if (buckets > limits.maxBuckets()) {
            throw InvalidEventQueryException.because(
                    "%d buckets asked for; at most %d".formatted(buckets, limits.maxBuckets()));
        }
        return store.counts(filter, width);
    }

    /** Deletes up to {@code limit} events older than {@code age}; how many it deleted. */
    public int purgeOlderThan(Duration age, int limit) {
        return store.deleteOccurredBefore(clock.instant().minus(age), limit);
    }

    private static Duration parseBucket(String bucket) {
        try {
            Duration width = Duration.parse(bucket);
            if (width.toMillis() < 1000) {
                throw InvalidEventQueryException.because("bucket must be at least one second");
            }
            return width;
        } catch (DateTimeParseException e) {
            throw InvalidEventQueryException.because("bucket '" + bucket + "' is not an ISO-8601 duration like PT1M");
        }
    }

    private static void checkRange(EventFilter filter) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw InvalidEventQueryException.because("'from' must be before 'to'");
        }
    }
}
