package dev.llmfleet.errorbus.event;

import dev.llmfleet.api.error.FleetException;

/** No stored event has this id. */
public class EventNotFoundException extends FleetException {

    private EventNotFoundException(String message) {
        super(Kind.NOT_FOUND, "event-not-found", message);
    }

    public static EventNotFoundException forId(String id) {
        return new EventNotFoundException("No stored event with id '" + id + "'");
    }
}
