package dev.llmfleet.errorbus.ingest;

/** What the consumer does with a message after the ingestor looked at it. */
enum Outcome {
    /** Stored, already stored, or dead-lettered: acknowledge it. */
    DONE,
    /** Could not be stored this time: deliver it again later. */
    RETRY
}
