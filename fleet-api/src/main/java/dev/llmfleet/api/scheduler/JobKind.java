package dev.llmfleet.api.scheduler;

/** What a queued job does once it holds a device. */
public enum JobKind {
    TRAINING,
    EVALUATION,
    GENERATION
}
