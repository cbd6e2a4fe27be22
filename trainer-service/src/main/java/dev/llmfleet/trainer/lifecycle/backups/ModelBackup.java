package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.api.lifecycle.BackupType;
import dev.llmfleet.api.lifecycle.BackupView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Instant;

/** A backup that was verified when it was made; its files are re-read whenever something depends on it. */
@Entity
@Table(name = "model_backup")
class ModelBackup {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private BackupType type;

    @Column(name = "version_name")
    private String versionName;

    private String reason;

    @Column(name = "manifest_sha256")
    private String manifestSha256;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private String location;

    @Column(name = "second_location")
    private String secondLocation;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "created_by")
    private String createdBy;

    protected ModelBackup() {}

    ModelBackup(
            String id,
            BackupType type,
            String versionName,
            String reason,
            String manifestSha256,
            long sizeBytes,
            Path location,
            Path secondLocation,
            Instant createdAt,
            Instant verifiedAt,
            String createdBy) {
        this.id = id;
        this.type = type;
        this.versionName = versionName;
        this.reason = reason == null ? "" : reason;
        this.manifestSha256 = manifestSha256;
        this.sizeBytes = sizeBytes;
        this.location = location.toString();
        this.secondLocation = secondLocation == null ? null : secondLocation.toString();
        this.createdAt = createdAt;
        this.verifiedAt = verifiedAt;
        this.createdBy = createdBy;
    }

    String id() {
        return id;
    }

    String versionName() {
        return versionName;
    }

    String manifestSha256() {
        return manifestSha256;
    }

    Path location() {
        return Path.of(location);
    }

    Path secondLocation() {
        return secondLocation == null ? null : Path.of(secondLocation);
    }

    Instant createdAt() {
        return createdAt;
    }

    BackupView toView() {
        return new BackupView(
                id,
                type,
                versionName,
                reason,
                manifestSha256,
                sizeBytes,
                location,
                secondLocation,
                createdAt,
                verifiedAt,
                createdBy);
    }
}
