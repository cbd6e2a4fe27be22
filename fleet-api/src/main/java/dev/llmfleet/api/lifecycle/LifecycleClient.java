package dev.llmfleet.api.lifecycle;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The trainer host's model lifecycle: versions, consolidation, backups and checkpoint retention.
 * Version files and manifests are downloaded through {@link dev.llmfleet.api.inference.ModelVersionsClient}.
 */
@HttpExchange("/api/trainer")
public interface LifecycleClient {

    @GetExchange("/versions")
    List<VersionView> versions();

    /** {@code version} may be {@code latest} or {@code current}. */
    @GetExchange("/versions/{version}")
    VersionView version(@PathVariable String version);

    @PostExchange("/versions/consolidate")
    ConsolidationResult consolidate(@RequestBody ConsolidateRequest request);

    /** Makes a Hugging Face model folder on the trainer host a version (scope {@code fleet:admin}). */
    @PostExchange("/versions/import")
    ImportedVersion importModel(@RequestBody ImportRequest request);

    /** Makes {@code version} the current model, restoring its files from its last verified backup if they are gone. */
    @PostExchange("/versions/{version}/restore")
    RestoreResult restore(@PathVariable String version);

    /** Deletes a version after a verified {@code pre_deletion} backup; returns that backup. */
    @DeleteExchange("/versions/{version}")
    BackupView delete(@PathVariable String version);

    @GetExchange("/backups")
    List<BackupView> backups();

    @PostExchange("/backups")
    BackupView emergencyBackup(@RequestBody EmergencyBackupRequest request);

    @PostExchange("/backups/{id}/restore")
    RestoreResult restoreBackup(@PathVariable String id);

    @PostExchange("/backups/cleanup")
    BackupCleanupReport cleanupBackups(@RequestBody BackupCleanupRequest request);

    @PostExchange("/checkpoints/retention")
    RetentionReport applyRetention(@RequestBody RetentionRequest request);

    @GetExchange("/checkpoints/pins")
    List<CheckpointPinView> pins();

    @PostExchange("/checkpoints/pins")
    CheckpointPinView pin(@RequestBody CheckpointPinRequest request);

    @DeleteExchange("/checkpoints/pins/{id}")
    void unpin(@PathVariable long id);
}
