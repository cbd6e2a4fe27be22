package dev.llmfleet.errorbus.retention;

import dev.llmfleet.errorbus.ErrorBusProperties;
import dev.llmfleet.errorbus.deadletter.DeadLetterService;
import dev.llmfleet.errorbus.event.EventService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes events and dead letters older than {@code fleet.errorbus.retention.max-age}, in batches
 * so that no single statement holds the table for long.
 */
@Component
class RetentionSweeper {

    private static final Log log = LogFactory.getLog(RetentionSweeper.class);

    private final EventService events;
    private final DeadLetterService deadLetters;
    private final ErrorBusProperties.Retention settings;
    private final Counter deleted;

    RetentionSweeper(
            EventService events, DeadLetterService deadLetters, ErrorBusProperties properties, MeterRegistry meters) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.settings = properties.retention();
        this.deleted = Counter.builder("fleet.errorbus.retention.deleted")
                .description("Events and dead letters deleted for their age")
                .register(meters);
    }

    @Scheduled(
            initialDelayString = "${fleet.errorbus.retention.interval:1h}",
            fixedDelayString = "${fleet.errorbus.retention.interval:1h}")
    void sweep() {
        int removed = drain(() -> events.purgeOlderThan(settings.maxAge(), settings.batchSize()))
                + drain(() -> deadLetters.purgeOlderThan(settings.maxAge(), settings.batchSize()));
        if (removed > 0) {
            log.info(
                    "Retention deleted %d events and dead letters older than %s".formatted(removed, settings.maxAge()));
        }
    }

    private int drain(IntSupplier batch) {
        int total = 0;
        int removed;
        do {
            removed = batch.getAsInt();
            total += removed;
            deleted.increment(removed);
        } while (removed == settings.batchSize());
        return total;
    }
}
