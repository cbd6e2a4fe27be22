package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.error.FleetException;

/** A part of the twin that could not be read from its service at the last refresh. */
public class TwinPartUnavailableException extends FleetException {

    private TwinPartUnavailableException(String message) {
        super(Kind.UNAVAILABLE, "twin-part-unavailable", message);
    }

    static TwinPartUnavailableException part(String part) {
        return new TwinPartUnavailableException(
                "The twin's " + part + " could not be read at its last refresh; its service is down or unreachable");
    }
}
