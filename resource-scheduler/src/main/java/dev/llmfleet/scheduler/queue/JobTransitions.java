package dev.llmfleet.scheduler.queue;

import static dev.llmfleet.api.scheduler.JobState.CANCELLED;
import static dev.llmfleet.api.scheduler.JobState.COMPLETED;
import static dev.llmfleet.api.scheduler.JobState.FAILED;
import static dev.llmfleet.api.scheduler.JobState.LEASED;
import static dev.llmfleet.api.scheduler.JobState.PAUSED;
import static dev.llmfleet.api.scheduler.JobState.QUEUED;
import static dev.llmfleet.api.scheduler.JobState.RUNNING;
import static dev.llmfleet.api.scheduler.JobState.SKIPPED;

import dev.llmfleet.api.scheduler.JobState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The moves a job may make; {@link Job} refuses every other. */
final class JobTransitions {

    private static final Map<JobState, Set<JobState>> allowed = new EnumMap<>(JobState.class);

    static {
        allowed.put(QUEUED, EnumSet.of(LEASED, PAUSED, SKIPPED, CANCELLED));
        allowed.put(LEASED, EnumSet.of(RUNNING, QUEUED, PAUSED, FAILED, SKIPPED, CANCELLED));
        allowed.put(RUNNING, EnumSet.of(COMPLETED, QUEUED, PAUSED, FAILED, SKIPPED, CANCELLED));
        allowed.put(PAUSED, EnumSet.of(QUEUED, SKIPPED, CANCELLED));
        allowed.put(FAILED, EnumSet.of(QUEUED, CANCELLED));
        allowed.put(SKIPPED, EnumSet.of(QUEUED, CANCELLED));
        allowed.put(COMPLETED, EnumSet.noneOf(JobState.class));
        allowed.put(CANCELLED, EnumSet.noneOf(JobState.class));
    }

    private JobTransitions() {}

    static boolean canTransition(JobState from, JobState to) {
        return allowed.get(from).contains(to);
    }
}
