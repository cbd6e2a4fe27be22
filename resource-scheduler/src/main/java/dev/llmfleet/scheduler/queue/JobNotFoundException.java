package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** No job with the asked id. */
public class JobNotFoundException extends FleetException {

    private JobNotFoundException(String message) {
        super(Kind.NOT_FOUND, "job-not-found", message);
    }

    public static JobNotFoundException forId(UUID id) {
        return new JobNotFoundException("No job " + id);
    }
}
