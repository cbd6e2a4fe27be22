package dev.llmfleet.api.lifecycle;

import java.time.Instant;

/**
 * A verified copy of a version's files.
 *
 * @param id the backup's folder name
 * @param version the version it holds
 * @param manifestSha256 SHA-256 of the copied {@code manifest.json}; every other file is checked
 *     against that manifest
 * @param secondLocation the verified copy in the second backup location, null when none is set
 */
public record BackupView(
        String id,
        BackupType type,
        String version,
        String reason,
        String manifestSha256,
        long sizeBytes,
        String location,
        String secondLocation,
        Instant createdAt,
        Instant verifiedAt,
        String createdBy) {}
