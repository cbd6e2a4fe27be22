package dev.llmfleet.starter.errors;

import dev.llmfleet.api.errorbus.FleetEvent;
import java.util.List;

/**
 * Carries events to the bus: NATS JetStream when configured, else the PostgreSQL inbox.
 *
 * <p>Publishing the same event again (same {@link FleetEvent#id()}) must be harmless: the bus or the
 * error-bus stores it once.
 */
public interface EventTransport extends AutoCloseable {

    /**
     * Publishes the events and returns once the bus has acknowledged every one of them.
     *
     * @throws BusUnavailableException when the bus did not acknowledge them all; the caller retries
     *     the whole batch
     */
    void publish(List<FleetEvent> events);

    /** A short name for logs and metrics: {@code nats} or {@code postgres}. */
    String name();

    @Override
    default void close() {}
}
