package dev.llmfleet.api.lifecycle;

/** An on-demand backup of {@code version} (the current model when null), with the reason. */
public record EmergencyBackupRequest(String version, String reason, String createdBy) {}
