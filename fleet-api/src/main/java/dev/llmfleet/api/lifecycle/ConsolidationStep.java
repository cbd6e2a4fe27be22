package dev.llmfleet.api.lifecycle;

/** The steps of a consolidation, in order. */
public enum ConsolidationStep {
    /** Verified backup of the current model, which is about to change. */
    BACKUP,
    /** The new version written into a temporary folder. */
    BUILD,
    /** Manifest checked, model loaded, a few tokens generated. */
    VERIFY,
    /** The folder renamed into place, the version recorded, the current model switched. */
    PUBLISH,
    /** Temporary files removed. */
    CLEANUP
}
