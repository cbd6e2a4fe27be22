package dev.llmfleet.errorbus.event;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which events a query, a count or a live subscription wants; every criterion left {@code null} (or
 * {@code false}) matches everything.
 *
 * @param clientOnly only events held against some client (the security-gateway's trust feed)
 * @param from occurred at or after
 * @param to occurred before
 */
public record EventFilter(
        @Nullable String service,
        @Nullable Severity severity,
        @Nullable String code,
        @Nullable String clientId,
        boolean clientOnly,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static EventFilter all() {
        return new EventFilter(null, null, null, null, false, null, null);
    }

    public boolean matches(FleetEvent event) {
        return (service == null || service.equals(event.service()))
                && (severity == null || severity == event.severity())
                && (code == null || code.equals(event.code()))
                && (clientId == null || clientId.equals(event.clientId()))
                && (!clientOnly || event.concernsClient())
                && (from == null || !event.occurredAt().isBefore(from))
                && (to == null || event.occurredAt().isBefore(to));
    }
}
