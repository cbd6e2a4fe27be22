package dev.llmfleet.api.trainer;

/** What happened to a file handed to the trainer. */
public enum IntakeOutcome {
    /** A new dataset. */
    ACCEPTED,
    /** The same content is already a dataset; nothing new was stored or queued. */
    DUPLICATE,
    /** It failed validation; it lies in {@code rejected/} beside its report. */
    REJECTED
}
