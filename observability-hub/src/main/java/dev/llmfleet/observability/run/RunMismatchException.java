package dev.llmfleet.observability.run;

import dev.llmfleet.api.error.FleetException;

public class RunMismatchException extends FleetException {

    private RunMismatchException(String message) {
        super(Kind.INVALID, "run-id-mismatch", message);
    }

    public static RunMismatchException of(String path, String body) {
        return new RunMismatchException("The path names run %s but the report is for %s".formatted(path, body));
    }
}
