package dev.llmfleet.trainer.lifecycle.retention;

import dev.llmfleet.api.lifecycle.CheckpointPinRequest.PinKind;
import dev.llmfleet.api.lifecycle.CheckpointPinView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Instant;

/** A checkpoint a deployment or a job needs; retention keeps it while the pin exists. */
@Entity
@Table(name = "checkpoint_pin")
class CheckpointPin {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String checkpoint;

    @Enumerated(EnumType.STRING)
    private PinKind kind;

    private String holder;

    @Column(name = "created_at")
    private Instant createdAt;

    protected CheckpointPin() {}

    CheckpointPin(Path checkpoint, PinKind kind, String holder, Instant createdAt) {
        this.checkpoint = checkpoint.toString();
        this.kind = kind;
        this.holder = holder;
        this.createdAt = createdAt;
    }

    Path checkpoint() {
        return Path.of(checkpoint);
    }

    PinKind kind() {
        return kind;
    }

    CheckpointPinView toView() {
        return new CheckpointPinView(id, checkpoint, kind, holder, createdAt);
    }
}
