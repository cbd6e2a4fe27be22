package dev.llmfleet.api.lifecycle;

/** Why a backup was made; JSON and paths use the lower-case names. */
public enum BackupType {
    PRE_CONSOLIDATION,
    PRE_DELETION,
    EMERGENCY
}
