package dev.llmfleet.trainer.run;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** No training job of that id ever ran or was queued on this host. */
public final class RunNotFoundException extends FleetException {

    private RunNotFoundException(String message) {
        super(Kind.NOT_FOUND, "run-not-found", message);
    }

    static RunNotFoundException forJob(UUID jobId) {
        return new RunNotFoundException("no training job " + jobId + " on this host");
    }
}
