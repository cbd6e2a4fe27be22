package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.api.scheduler.JobState;
import java.util.UUID;

/** A move the job's state does not allow (e.g. resuming a completed job): a 409. */
public class IllegalJobTransitionException extends FleetException {

    private IllegalJobTransitionException(String message) {
        super(Kind.CONFLICT, "illegal-job-transition", message);
    }

    public static IllegalJobTransitionException of(UUID id, JobState from, JobState to) {
        return new IllegalJobTransitionException("Job %s cannot go from %s to %s".formatted(id, from, to));
    }

    public static IllegalJobTransitionException cannot(UUID id, JobState state, String action) {
        return new IllegalJobTransitionException("Job %s is %s and cannot %s".formatted(id, state, action));
    }
}
