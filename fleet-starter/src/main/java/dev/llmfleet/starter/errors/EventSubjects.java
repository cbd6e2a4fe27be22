package dev.llmfleet.starter.errors;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.util.Locale;

/**
 * The bus's subjects: {@code <prefix>.events.<service>.<severity>} for events, so that a consumer
 * can subscribe to one service or one severity, and {@code <prefix>.deadletter} for dead letters.
 *
 * @param prefix the configured subject prefix
 */
public record EventSubjects(String prefix) {

    /** The subject of one event. */
    public String of(FleetEvent event) {
        return forService(event.service(), event.severity());
    }

    public String forService(String service, Severity severity) {
        return prefix + ".events." + token(service) + "." + severity.name().toLowerCase(Locale.ROOT);
    }

    /** Matches every event subject. */
    public String allEvents() {
        return prefix + ".events.>";
    }

    /** Matches every subject of the bus, the stream's subject. */
    public String all() {
        return prefix + ".>";
    }

    public String deadLetter() {
        return prefix + ".deadletter";
    }

    private static String token(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }
}
