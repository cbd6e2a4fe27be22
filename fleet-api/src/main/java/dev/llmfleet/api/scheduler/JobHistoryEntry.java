package dev.llmfleet.api.scheduler;

import java.time.Instant;
import java.util.UUID;

/** One transition of a job, as recorded (append-only): who moved it from where to where, and why. */
public record JobHistoryEntry(
        UUID jobId, JobState fromState, JobState toState, String actor, String reason, Instant at) {}
