package dev.llmfleet.api.errorbus;

/** How bad a fleet event is; part of the bus subject, so that consumers can subscribe by severity. */
public enum Severity {
    /** A notable event that is not a failure (a model deployed, a job evicted). */
    INFO,
    /** Something went wrong but was handled (a retry, a rejected request). */
    WARNING,
    /** A failure that lost work or an answer (an unhandled exception). */
    ERROR,
    /** The service cannot do its job any more. */
    CRITICAL
}
