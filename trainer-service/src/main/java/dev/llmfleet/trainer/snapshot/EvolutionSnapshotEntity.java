package dev.llmfleet.trainer.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One snapshot row; the answers are kept as JSON, read and written whole. */
@Entity
@Table(name = "evolution_snapshot")
class EvolutionSnapshotEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dataset_sha256", nullable = false)
    private String dataset;

    @Column(nullable = false)
    private long step;

    @Column(name = "job_id")
    private UUID jobId;

    @Column(name = "training_loss")
    private Double trainingLoss;

    @Column(name = "validation_loss")
    private Double validationLoss;

    @Column(nullable = false)
    private int correct;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false, columnDefinition = "text")
    private String answers;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    protected EvolutionSnapshotEntity() {}

    EvolutionSnapshotEntity(
            String dataset,
            long step,
            UUID jobId,
            Double trainingLoss,
            Double validationLoss,
            int correct,
            int total,
            String answers,
            Instant takenAt) {
        this.dataset = dataset;
        this.step = step;
        this.jobId = jobId;
        this.trainingLoss = trainingLoss;
        this.validationLoss = validationLoss;
        this.correct = correct;
        this.total = total;
        this.answers = answers;
        this.takenAt = takenAt;
    }

    String dataset() {
        return dataset;
    }

    long step() {
        return step;
    }

    UUID jobId() {
        return jobId;
    }

    Double trainingLoss() {
        return trainingLoss;
    }

    Double validationLoss() {
        return validationLoss;
    }

    int correct() {
        return correct;
    }

    int total() {
        return total;
    }

    String answers() {
        return answers;
    }

    Instant takenAt() {
        return takenAt;
    }
}
