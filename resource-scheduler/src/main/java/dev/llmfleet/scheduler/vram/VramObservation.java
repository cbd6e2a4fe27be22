package dev.llmfleet.scheduler.vram;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The peak a finished run reported next to what the formula had said for it. */
@Entity
@Table(name = "vram_observation")
class VramObservation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String model;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "formula_mb", nullable = false)
    private long formulaMb;

    @Column(name = "peak_mb", nullable = false)
    private long peakMb;

    @Column(name = "observed_at", nullable = false)
    private Instant observedAt;

    protected VramObservation() {}

    VramObservation(String model, UUID jobId, long formulaMb, long peakMb, Instant observedAt) {
        this.model = model;
        this.jobId = jobId;
        this.formulaMb = formulaMb;
        this.peakMb = peakMb;
        this.observedAt = observedAt;
    }

    double ratio() {
        return (double) peakMb / formulaMb;
    }
}
