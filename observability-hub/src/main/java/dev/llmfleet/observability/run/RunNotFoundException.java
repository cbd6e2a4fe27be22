package dev.llmfleet.observability.run;

import dev.llmfleet.api.error.FleetException;

public class RunNotFoundException extends FleetException {

    private RunNotFoundException(String message) {
        super(Kind.NOT_FOUND, "run-not-found", message);
    }

    public static RunNotFoundException forId(String runId) {
        return new RunNotFoundException("No run " + runId + " has been reported");
    }
}
