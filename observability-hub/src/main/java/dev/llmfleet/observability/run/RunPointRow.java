package dev.llmfleet.observability.run;

import dev.llmfleet.api.observability.RunPoint;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One point of a run's curves. */
@Entity
@Table(name = "run_point")
class RunPointRow {

    @Embeddable
    record Key(
            @Column(name = "run_id") String runId,
            @Column(name = "step") long step) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "train_loss")
    private Double trainLoss;

    @Column(name = "validation_loss")
    private Double validationLoss;

    @Column(name = "tokens_per_second")
    private Double tokensPerSecond;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected RunPointRow() {}

    RunPointRow(String runId, long step, Double trainLoss, Double validationLoss, Double tokensPerSecond, Instant at) {
        this.key = new Key(runId, step);
        this.trainLoss = trainLoss;
        this.validationLoss = validationLoss;
        this.tokensPerSecond = tokensPerSecond;
        this.reportedAt = at;
    }

    RunPoint toPoint() {
        return new RunPoint(key.step(), trainLoss, validationLoss, tokensPerSecond, reportedAt);
    }
}
