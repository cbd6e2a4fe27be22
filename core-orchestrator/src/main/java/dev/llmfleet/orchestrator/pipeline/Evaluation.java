package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.EvaluationClient;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One checkpoint asked one set of suites through an EVALUATION job ({@code evaluation:<id>}). The
 * job is submitted once: {@code submitAttempted} is saved before the call, so that after a crash
 * in between the job is looked up on the scheduler instead of submitted again.
 */
@Entity
@Table(name = "evaluation")
class Evaluation {

    @Id
    private UUID id;

    @Column(name = "candidate_id")
    private UUID candidateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvaluationPurpose purpose;

    @Column(nullable = false)
    private String checkpoint;

    private String host;

    @Column(nullable = false)
    private String suites;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvaluationState state;

    @Column(name = "submit_attempted", nullable = false)
    private boolean submitAttempted;

    @Column(name = "job_id")
    private UUID jobId;

    private Double accuracy;

    @Convert(converter = ScoreConverter.class)
    @Column(name = "accuracy_by_skill_level", nullable = false)
    private Map<String, Double> accuracyBySkillLevel = Map.of();

    @Column(name = "validation_loss")
    private Double validationLoss;

    @Column(name = "train_loss")
    private Double trainLoss;

    private Long step;

    @Column(name = "took_millis")
    private Long tookMillis;

    /** The generated answers, as JSON, for people looking into a score. */
    private String results;

    private String failure;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    @Column(name = "row_version")
    private Long rowVersion;

    protected Evaluation() {}

    Evaluation(
            UUID candidateId, EvaluationPurpose purpose, String checkpoint, String host, String suites, Instant now) {
        this.id = UUID.randomUUID();
        this.candidateId = candidateId;
        this.purpose = purpose;
        this.checkpoint = checkpoint;
        this.host = host;
        this.suites = suites;
        this.state = EvaluationState.CREATED;
        this.createdAt = now;
    }

    String payloadRef() {
        return EvaluationClient.PAYLOAD_PREFIX + id;
    }

    void submitting() {
        requireOpen("be submitted");
        submitAttempted = true;
    }

    /** Its job is on the scheduler; a fast worker may have reported already, which stands. */
    void submitted(UUID job) {
        jobId = job;
        if (state == EvaluationState.CREATED) {
            state = EvaluationState.SUBMITTED;
        }
    }

    void reported(EvaluationScore score, Long took, String answers, Instant now) {
        if (state == EvaluationState.REPORTED) {
            throw EvaluationClosedException.alreadyReported(id);
        }
        if (state == EvaluationState.FAILED) {
            throw EvaluationClosedException.failed(id, failure);
        }
        accuracy = score.accuracy();
        accuracyBySkillLevel = Map.copyOf(score.accuracyBySkillLevel());
        validationLoss = score.validationLoss();
        trainLoss = score.trainLoss();
        step = score.step();
        tookMillis = took;
        results = answers;
        state = EvaluationState.REPORTED;
        finishedAt = now;
    }

    void failed(String why, Instant now) {
        requireOpen("fail");
        failure = why;
        state = EvaluationState.FAILED;
        finishedAt = now;
    }

    private void requireOpen(String what) {
        if (!state.isOpen()) {
            throw EvaluationClosedException.cannot(id, state, what);
        }
    }

    UUID id() {
        return id;
    }

    UUID candidateId() {
        return candidateId;
    }

    EvaluationPurpose purpose() {
        return purpose;
    }

    String checkpoint() {
        return checkpoint;
    }

    String host() {
        return host;
    }

    String suites() {
        return suites;
    }

    EvaluationState state() {
        return state;
    }

    boolean submitAttempted() {
        return submitAttempted;
    }

    UUID jobId() {
        return jobId;
    }

    Double accuracy() {
        return accuracy;
    }

    Double validationLoss() {
        return validationLoss;
    }

    Double trainLoss() {
        return trainLoss;
    }

    String failure() {
        return failure;
    }
}
