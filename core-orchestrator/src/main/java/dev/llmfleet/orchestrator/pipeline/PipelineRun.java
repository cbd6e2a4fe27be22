package dev.llmfleet.orchestrator.pipeline;

import static dev.llmfleet.orchestrator.pipeline.PipelineStep.DEPLOYING;
import static dev.llmfleet.orchestrator.pipeline.PipelineStep.DONE;
import static dev.llmfleet.orchestrator.pipeline.PipelineStep.EVALUATING;
import static dev.llmfleet.orchestrator.pipeline.PipelineStep.FAILED;
import static dev.llmfleet.orchestrator.pipeline.PipelineStep.JUDGING;
import static dev.llmfleet.orchestrator.pipeline.PipelineStep.PROMOTING;
import static dev.llmfleet.orchestrator.pipeline.PipelineStep.REJECTED;
import static dev.llmfleet.orchestrator.pipeline.PipelineStep.TRAINING;

import dev.llmfleet.api.orchestrator.PipelineRunView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * One training job's way through the closed loop. Every move is a method that refuses an illegal
 * one; a failed call to another service leaves the run at its step with the error and the time of
 * the next try (exponential back-off), so a restart or an outage resumes where it stopped.
 */
@Entity
@Table(name = "pipeline_run")
class PipelineRun {

    private static final int MAX_ERROR = 2_000;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String dataset;

    @Column(name = "dataset_name")
    private String datasetName;

    private String skill;
    private Integer level;

    @Column(nullable = false)
    private boolean generated;

    @Column(name = "job_id")
    private UUID jobId;

    private String host;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PipelineStep step;

    @Column(name = "candidate_id")
    private UUID candidateId;

    @Column(name = "evaluation_id")
    private UUID evaluationId;

    private String version;

    @Column(name = "deployment_id")
    private UUID deploymentId;

    @Column(name = "promoted_by")
    private String promotedBy;

    @Column(name = "promotion_reason")
    private String promotionReason;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "waiting_until")
    private Instant waitingUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version")
    private Long rowVersion;

    protected PipelineRun() {}

    private PipelineRun(
            String dataset,
            String datasetName,
            String skill,
            Integer level,
            boolean generated,
            UUID jobId,
            Instant now) {
        this.id = UUID.randomUUID();
        this.dataset = dataset;
        this.datasetName = datasetName;
        this.skill = skill;
        this.level = level;
        this.generated = generated;
        this.jobId = jobId;
        this.step = TRAINING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A run for data the curriculum generated; its job may not be known yet. */
    static PipelineRun generated(String dataset, String name, String skill, int level, UUID jobId, Instant now) {
        return new PipelineRun(dataset, name, skill, level, true, jobId, now);
    }

    /**
     * A run for a training job found on the scheduler: data people brought, or a generated batch
     * whose upload answer was lost ({@code generated}, known by its curriculum name).
     */
    static PipelineRun discovered(
            String dataset, String name, String skill, Integer level, boolean generated, UUID jobId, Instant now) {
        return new PipelineRun(dataset, name, skill, level, generated, jobId, now);
    }

    void attachJob(UUID job, Instant now) {
        if (jobId != null && !jobId.equals(job)) {
            throw IllegalPipelineStepException.cannot(id, step, "take job " + job + ", it has job " + jobId);
        }
        jobId = job;
        updatedAt = now;
    }

    /** The training job completed on {@code trainedOn}: its checkpoint is evaluated next. */
    void trained(String trainedOn, Instant now) {
        host = trainedOn;
        moveTo(EVALUATING, EnumSet.of(TRAINING), now);
    }

    void candidate(UUID candidate, Instant now) {
        requireStep(EVALUATING, "take a candidate");
        candidateId = candidate;
        updatedAt = now;
    }

    void evaluation(UUID evaluation, Instant now) {
        requireStep(EVALUATING, "take an evaluation");
        evaluationId = evaluation;
        updatedAt = now;
    }

    /** The candidate's evaluation is reported: it is judged next. */
    void evaluated(Instant now) {
        moveTo(JUDGING, EnumSet.of(EVALUATING), now);
    }

    /** Consolidates the candidate and deploys it, by the loop or by an operator. */
    void promote(String actor, String reason, Instant now) {
        if (candidateId == null) {
            throw IllegalPipelineStepException.cannot(id, step, "be promoted without an evaluated candidate");
        }
        moveTo(PROMOTING, EnumSet.of(JUDGING, DONE, REJECTED, FAILED), now);
        promotedBy = actor;
        promotionReason = reason;
        deploymentId = null;
    }

    void deploying(String versionName, UUID deployment, Instant now) {
        moveTo(DEPLOYING, EnumSet.of(PROMOTING), now);
        version = versionName;
        deploymentId = deployment;
    }

    void done(Instant now) {
        moveTo(DONE, EnumSet.of(JUDGING, DEPLOYING), now);
    }

    void reject(Instant now) {
        moveTo(REJECTED, EnumSet.of(JUDGING), now);
    }

    void fail(String reason, Instant now) {
        moveTo(FAILED, PipelineStep.ACTIVE, now);
        lastError = truncate(reason);
    }

    /** A call of this step failed but may succeed later: keep the step, wait longer each time. */
    void retryLater(String error, Instant now, Duration firstWait, Duration longestWait) {
        attempts++;
        lastError = truncate(error);
        Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 20));
        waitingUntil = now.plus(wait.compareTo(longestWait) > 0 ? longestWait : wait);
        updatedAt = now;
    }

    /** The step's calls work again: the back-off and the error are behind it. */
    void recovered(Instant now) {
        attempts = 0;
        lastError = null;
        waitingUntil = null;
        updatedAt = now;
    }

    /** Whether the loop may work on the run now (not waiting out a back-off). */
    boolean isDue(Instant now) {
        return step.isActive() && (waitingUntil == null || !waitingUntil.isAfter(now));
    }

    private void moveTo(PipelineStep to, Set<PipelineStep> from, Instant now) {
        if (!from.contains(step)) {
            throw IllegalPipelineStepException.cannot(id, step, "move to " + to);
        }
        step = to;
        attempts = 0;
        lastError = null;
        waitingUntil = null;
        updatedAt = now;
    }

    private void requireStep(PipelineStep expected, String what) {
        if (step != expected) {
            throw IllegalPipelineStepException.cannot(id, step, what);
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    PipelineRunView toApi() {
        return new PipelineRunView(
                id,
                dataset,
                datasetName,
                skill,
                level,
                jobId,
                step.name(),
                candidateId,
                evaluationId,
                version,
                attempts,
                lastError,
                waitingUntil,
                createdAt,
                updatedAt);
    }

    UUID id() {
        return id;
    }

    String dataset() {
        return dataset;
    }

    String datasetName() {
        return datasetName;
    }

    String skill() {
        return skill;
    }

    UUID jobId() {
        return jobId;
    }

    String host() {
        return host;
    }

    PipelineStep step() {
        return step;
    }

    UUID candidateId() {
        return candidateId;
    }

    UUID evaluationId() {
        return evaluationId;
    }

    UUID deploymentId() {
        return deploymentId;
    }

    String promotedBy() {
        return promotedBy;
    }

    String promotionReason() {
        return promotionReason;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    Instant waitingUntil() {
        return waitingUntil;
    }
}
