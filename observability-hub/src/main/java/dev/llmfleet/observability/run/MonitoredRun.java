package dev.llmfleet.observability.run;

import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.api.observability.RunView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A training run as the monitor follows it. Progress means a higher step; a run without progress
 * for the stall threshold is stalled until it moves again; a finished run is archived once.
 */
@Entity
@Table(name = "monitored_run")
class MonitoredRun {

    @Id
    @Column(name = "run_id")
    private String runId;

    private String dataset;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunState state;

    @Column(nullable = false)
    private long step;

    @Column(name = "total_steps", nullable = false)
    private long totalSteps;

    @Column(name = "train_loss")
    private Double trainLoss;

    @Column(name = "validation_loss")
    private Double validationLoss;

    @Column(name = "tokens_per_second")
    private Double tokensPerSecond;

    @Column(name = "run_directory")
    private String runDirectory;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_report_at", nullable = false)
    private Instant lastReportAt;

    @Column(name = "last_progress_at", nullable = false)
    private Instant lastProgressAt;

    @Column(name = "stalled_at")
    private Instant stalledAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "archive_path")
    private String archivePath;

    @Column(name = "archive_sha256")
    private String archiveSha256;

    @Column(name = "report_path")
    private String reportPath;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    protected MonitoredRun() {}

    MonitoredRun(RunProgress first, Instant now) {
        this.runId = first.runId();
        this.state = RunState.RUNNING;
        this.startedAt = now;
        this.lastProgressAt = now;
        this.step = first.step();
        apply(first, now);
        if (first.state().finished()) {
            finishedAt = now;
        }
    }

    /** Takes a report; returns true when the run just finished. */
    boolean report(RunProgress progress, Instant now) {
        if (state.finished()) {
            throw RunFinishedException.forRun(runId, state);
        }
        if (progress.step() > step || progress.state().finished()) {
            lastProgressAt = now;
            stalledAt = null;
        }
        step = Math.max(step, progress.step());
        apply(progress, now);
        if (progress.state().finished()) {
            finishedAt = now;
            stalledAt = null;
            return true;
        }
        return false;
    }

    private void apply(RunProgress progress, Instant now) {
        state = progress.state();
        dataset = progress.dataset() == null ? dataset : progress.dataset();
        totalSteps = progress.totalSteps() > 0 ? progress.totalSteps() : totalSteps;
        trainLoss = progress.trainLoss() == null ? trainLoss : progress.trainLoss();
        validationLoss = progress.validationLoss() == null ? validationLoss : progress.validationLoss();
        tokensPerSecond = progress.tokensPerSecond() == null ? tokensPerSecond : progress.tokensPerSecond();
        runDirectory = progress.runDirectory() == null ? runDirectory : progress.runDirectory();
        lastReportAt = now;
    }

    /** Stalls the run when it is running and made no progress for {@code stallAfter}; true when it just stalled. */
    boolean checkStall(Instant now, Duration stallAfter) {
        if (state != RunState.RUNNING || stalledAt != null || now.isBefore(lastProgressAt.plus(stallAfter))) {
            return false;
        }
        stalledAt = now;
        return true;
    }

    void archived(String archive, String sha256, String report, Instant now) {
        if (!state.finished()) {
            throw new IllegalStateException("Run %s is %s; only a finished run is archived".formatted(runId, state));
        }
        if (archivedAt != null) {
            throw new IllegalStateException("Run %s was archived at %s".formatted(runId, archivedAt));
        }
        this.archivePath = archive;
        this.archiveSha256 = sha256;
        this.reportPath = report;
        this.archivedAt = now;
    }

    boolean stalled() {
        return stalledAt != null;
    }

    boolean needsArchive() {
        return state.finished() && archivedAt == null;
    }

    RunView toView() {
        Double gap = trainLoss == null || validationLoss == null ? null : validationLoss - trainLoss;
        return new RunView(
                runId,
                dataset,
                state,
                step,
                totalSteps,
                trainLoss,
                validationLoss,
                gap,
                tokensPerSecond,
                eta(),
                startedAt,
                lastProgressAt,
                stalled(),
                finishedAt,
                archivePath,
                archiveSha256,
                reportPath);
    }

    private Long eta() {
        if (state != RunState.RUNNING || totalSteps <= 0 || step <= 0 || step >= totalSteps) {
            return state.finished() ? 0L : null;
        }
        double secondsPerStep = Duration.between(startedAt, lastProgressAt).toMillis() / 1000.0 / step;
        return secondsPerStep <= 0 ? null : Math.round(secondsPerStep * (totalSteps - step));
    }

    String runId() {
        return runId;
    }

    String runDirectory() {
        return runDirectory;
    }

    RunState state() {
        return state;
    }
}
