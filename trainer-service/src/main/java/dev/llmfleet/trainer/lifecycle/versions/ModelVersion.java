package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.lifecycle.VersionView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A version's metadata. A deleted version keeps its row (and its number is never reused) so that
 * its backups still say what they hold and a restore brings back the same version.
 */
@Entity
@Table(name = "model_version")
class ModelVersion {

    @Id
    private String name;

    private int number;
    private String description;
    private String parent;

    @Column(name = "source_checkpoint")
    private String sourceCheckpoint;

    @Column(name = "training_mode")
    private String trainingMode;

    @Convert(converter = JsonColumns.StringList.class)
    private List<String> datasets;

    @Convert(converter = JsonColumns.NumberMap.class)
    private Map<String, Double> metrics;

    @Convert(converter = JsonColumns.NumberMap.class)
    private Map<String, Double> evaluation;

    @Column(name = "manifest_sha256")
    private String manifestSha256;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected ModelVersion() {}

    ModelVersion(int number, VersionDraft draft, String manifestSha256, long sizeBytes, Instant createdAt) {
        this.name = nameFor(number);
        this.number = number;
        this.description = draft.description() == null ? "" : draft.description();
        this.parent = draft.parent();
        this.sourceCheckpoint = draft.sourceCheckpoint();
        this.trainingMode = draft.trainingMode();
        this.datasets = draft.datasets();
        this.metrics = draft.metrics();
        this.evaluation = draft.evaluation();
        this.manifestSha256 = manifestSha256;
        this.sizeBytes = sizeBytes;
        this.createdAt = createdAt;
        this.createdBy = draft.createdBy() == null ? "unknown" : draft.createdBy();
    }

    static String nameFor(int number) {
        return String.format("v%03d", number);
    }

    void markDeleted(Instant at) {
        if (deletedAt != null) {
            throw VersionStateException.alreadyDeleted(name);
        }
        deletedAt = at;
    }

    /** Its files are back (from a backup): the version exists again. */
    void markRestored() {
        deletedAt = null;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    String name() {
        return name;
    }

    int number() {
        return number;
    }

    String manifestSha256() {
        return manifestSha256;
    }

    String sourceCheckpoint() {
        return sourceCheckpoint;
    }

    VersionView toView(String latest, String current) {
        return new VersionView(
                name,
                description,
                parent,
                sourceCheckpoint,
                trainingMode,
                datasets,
                metrics,
                evaluation,
                manifestSha256,
                sizeBytes,
                createdAt,
                createdBy,
                name.equals(latest),
                name.equals(current),
                deletedAt);
    }
}
