package dev.llmfleet.observability.run;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.observability.RunState;

/** A report for a run that already finished: its record and archive are final. */
public class RunFinishedException extends FleetException {

    private RunFinishedException(String message) {
        super(Kind.CONFLICT, "run-finished", message);
    }

    public static RunFinishedException forRun(String runId, RunState state) {
        return new RunFinishedException("Run %s is %s already; it takes no more reports".formatted(runId, state));
    }
}
