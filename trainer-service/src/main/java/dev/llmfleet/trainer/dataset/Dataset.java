package dev.llmfleet.trainer.dataset;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.RunSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An accepted dataset, keyed by the SHA-256 of its content, and where it stands in training. */
@Entity
@Table(name = "dataset")
class Dataset {

    private static final Map<DatasetStatus, Set<DatasetStatus>> MOVES = Map.of(
            DatasetStatus.ACCEPTED, EnumSet.of(DatasetStatus.QUEUED),
            // FAILED straight from QUEUED, PAUSED or SKIPPED: a run that cannot even start (its base
            // model, its settings) fails without having trained.
            DatasetStatus.QUEUED,
                    EnumSet.of(
                            DatasetStatus.TRAINING, DatasetStatus.PAUSED, DatasetStatus.SKIPPED, DatasetStatus.FAILED),
            DatasetStatus.TRAINING,
                    EnumSet.of(
                            DatasetStatus.TRAINING,
                            DatasetStatus.QUEUED,
                            DatasetStatus.PAUSED,
                            DatasetStatus.SKIPPED,
                            DatasetStatus.COMPLETED,
                            DatasetStatus.FAILED),
            DatasetStatus.PAUSED,
                    EnumSet.of(
                            DatasetStatus.QUEUED, DatasetStatus.TRAINING, DatasetStatus.SKIPPED, DatasetStatus.FAILED),
            DatasetStatus.SKIPPED, EnumSet.of(DatasetStatus.TRAINING, DatasetStatus.QUEUED, DatasetStatus.FAILED),
            DatasetStatus.FAILED, EnumSet.of(DatasetStatus.TRAINING, DatasetStatus.QUEUED),
            DatasetStatus.COMPLETED, EnumSet.noneOf(DatasetStatus.class));

    @Id
    private String sha256;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String spec;

    private String skill;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobPriority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DatasetStatus status;

    @Column(name = "line_count", nullable = false)
    private long lineCount;

    @Column(name = "example_count", nullable = false)
    private long exampleCount;

    @Column(name = "token_count", nullable = false)
    private long tokenCount;

    @Column(nullable = false)
    private String source;

    @Column(nullable = false, columnDefinition = "text")
    private String report;

    @Column(name = "job_id")
    private UUID jobId;

    @Column(name = "required_vram_mb")
    private Long requiredVramMb;

    @Column(name = "last_reason")
    private String lastReason;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "run_settings", columnDefinition = "text")
    @Convert(converter = RunSettingsColumn.class)
    private RunSettings run;

    @Version
    private Long version;

    protected Dataset() {}

    Dataset(NewDataset spec, String reportJson, Instant now) {
        this.sha256 = spec.sha256();
        this.name = spec.name();
        this.spec = spec.spec();
        this.skill = spec.skill();
        this.priority = spec.priority();
        this.lineCount = spec.lines();
        this.exampleCount = spec.examples();
        this.tokenCount = spec.tokens();
        this.source = spec.source();
        this.run = spec.run();
        this.report = reportJson;
        this.status = DatasetStatus.ACCEPTED;
        this.receivedAt = now;
        this.updatedAt = now;
    }

    /** What an accepted file brings. */
    record NewDataset(
            String sha256,
            String name,
            String spec,
            String skill,
            JobPriority priority,
            long lines,
            long examples,
            long tokens,
            String source,
            RunSettings run) {}

    void queued(UUID job, long vramMb, Instant now) {
        moveTo(DatasetStatus.QUEUED, "queued as job " + job, now);
        jobId = job;
        requiredVramMb = vramMb;
    }

    void moveTo(DatasetStatus to, String reason, Instant now) {
        if (!MOVES.get(status).contains(to)) {
            throw IllegalDatasetTransitionException.of(sha256, status, to);
        }
        status = to;
        lastReason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000));
        updatedAt = now;
    }

    /** A skip sends the job to the end of the LOW queue. */
    void skipped(String reason, Instant now) {
        moveTo(DatasetStatus.SKIPPED, reason, now);
        priority = JobPriority.LOW;
    }

    String sha256() {
        return sha256;
    }

    String report() {
        return report;
    }

    UUID jobId() {
        return jobId;
    }

    DatasetStatus status() {
        return status;
    }

    DatasetView toView() {
        return new DatasetView(
                sha256,
                name,
                spec,
                skill,
                priority,
                status,
                lineCount,
                exampleCount,
                tokenCount,
                source,
                jobId,
                requiredVramMb,
                lastReason,
                receivedAt,
                updatedAt,
                run);
    }
}
