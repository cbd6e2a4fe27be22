package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.CandidateView;
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

/** A training job's newest complete checkpoint, as evaluated, ranked and judged. */
@Entity
@Table(name = "candidate")
class Candidate {

    @Id
    private UUID id;

    @Column(name = "run_id", nullable = false)
    private UUID runId;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(nullable = false)
    private String checkpoint;

    private String host;

    @Column(nullable = false)
    private String dataset;

    @Column(nullable = false)
    private long step;

    @Column(name = "train_loss")
    private Double trainLoss;

    /** The suites it was scored on, {@code <skill>/<level>@<version>} joined by commas. */
    private String suites;

    private Double accuracy;

    @Convert(converter = ScoreConverter.class)
    @Column(name = "accuracy_by_skill_level", nullable = false)
    private Map<String, Double> accuracyBySkillLevel = Map.of();

    @Column(name = "validation_loss")
    private Double validationLoss;

    private Double gap;

    @Column(nullable = false)
    private boolean regression;

    /** The best validation loss on the same suites when it was evaluated. */
    @Column(name = "best_validation_loss")
    private Double bestValidationLoss;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CandidateState state;

    private String version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version")
    private Long rowVersion;

    protected Candidate() {}

    Candidate(PipelineRun run, String checkpoint, long step, Double trainLoss, Instant now) {
        this.id = UUID.randomUUID();
        this.runId = run.id();
        this.jobId = run.jobId();
        this.host = run.host();
        this.dataset = run.dataset();
        this.checkpoint = checkpoint;
        this.step = step;
        this.trainLoss = trainLoss;
        this.state = CandidateState.EVALUATING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes the scores of its evaluation; a regression is judged (and rejected) by the loop. */
    void evaluated(EvaluationScore score, Double bestSoFar, boolean isRegression, Instant now) {
        require(EnumSet.of(CandidateState.EVALUATING), "be evaluated");
        suites = score.suites();
        accuracy = score.accuracy();
        accuracyBySkillLevel = Map.copyOf(score.accuracyBySkillLevel());
        validationLoss = score.validationLoss();
        if (score.trainLoss() != null) {
            trainLoss = score.trainLoss();
        }
        gap = Scoring.gap(validationLoss, trainLoss);
        bestValidationLoss = bestSoFar;
        regression = isRegression;
        moveTo(CandidateState.EVALUATED, now);
    }

    void reject(Instant now) {
        require(EnumSet.of(CandidateState.EVALUATING, CandidateState.EVALUATED), "be rejected");
        moveTo(CandidateState.REJECTED, now);
    }

    void promoted(String versionName, Instant now) {
        require(EnumSet.complementOf(EnumSet.of(CandidateState.EVALUATING)), "be promoted");
        version = versionName;
        moveTo(CandidateState.PROMOTED, now);
    }

    void deployed(Instant now) {
        require(EnumSet.of(CandidateState.PROMOTED, CandidateState.DEPLOYED), "be deployed");
        moveTo(CandidateState.DEPLOYED, now);
    }

    void rolledBack(Instant now) {
        require(EnumSet.of(CandidateState.PROMOTED), "be rolled back");
        moveTo(CandidateState.ROLLED_BACK, now);
    }

    /** Another version is served now. */
    void retired(Instant now) {
        require(EnumSet.of(CandidateState.DEPLOYED), "be retired");
        moveTo(CandidateState.PROMOTED, now);
    }

    boolean isEvaluated() {
        return accuracy != null && validationLoss != null;
    }

    /** The composite score, null before the evaluation reported. */
    Double score(Scoring scoring) {
        return isEvaluated() ? scoring.score(accuracy, validationLoss, gap) : null;
    }

    private void require(Set<CandidateState> allowed, String what) {
        if (!allowed.contains(state)) {
            throw IllegalPipelineStepException.candidate(id, state, what);
        }
    }

    private void moveTo(CandidateState to, Instant now) {
        state = to;
        updatedAt = now;
    }

    CandidateView toApi(Double score, Integer rank) {
        return new CandidateView(
                id,
                checkpoint,
                jobId,
                dataset,
                step,
                accuracy,
                accuracyBySkillLevel,
                validationLoss,
                trainLoss,
                gap,
                score,
                rank,
                regression,
                state.name(),
                version,
                createdAt);
    }

    UUID id() {
        return id;
    }

    UUID runId() {
        return runId;
    }

    String checkpoint() {
        return checkpoint;
    }

    String host() {
        return host;
    }

    String dataset() {
        return dataset;
    }

    long step() {
        return step;
    }

    Double trainLoss() {
        return trainLoss;
    }

    String suites() {
        return suites;
    }

    Double accuracy() {
        return accuracy;
    }

    Map<String, Double> accuracyBySkillLevel() {
        return accuracyBySkillLevel;
    }

    Double validationLoss() {
        return validationLoss;
    }

    Double gap() {
        return gap;
    }

    boolean regression() {
        return regression;
    }

    Double bestValidationLoss() {
        return bestValidationLoss;
    }

    CandidateState state() {
        return state;
    }

    String version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }
}
