package dev.llmfleet.errorbus.event;

import dev.llmfleet.api.error.FleetException;

/** A query, count or subscription asked for something the error-bus does not serve. */
public class InvalidEventQueryException extends FleetException {

    private InvalidEventQueryException(String message) {
        super(Kind.INVALID, "invalid-event-query", message);
    }

    public static InvalidEventQueryException because(String reason) {
        return new InvalidEventQueryException(reason);
    }
}
