package dev.llmfleet.api.lifecycle;

/** The version a restore made current, and the backup its files came from (null when none was needed). */
public record RestoreResult(VersionView version, String fromBackup) {}
