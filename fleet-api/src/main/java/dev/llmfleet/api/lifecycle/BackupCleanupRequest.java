package dev.llmfleet.api.lifecycle;

/**
 * Remove backups older than {@code olderThanDays} (the configured retention when null); a dry run
 * unless {@code execute}. The last verified backup of each version is always kept.
 */
public record BackupCleanupRequest(Integer olderThanDays, boolean execute) {}
