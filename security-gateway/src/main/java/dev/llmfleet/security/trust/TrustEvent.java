package dev.llmfleet.security.trust;

import dev.llmfleet.api.security.TrustChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored change of a client's trust score. */
@Entity
@Table(name = "trust_event")
class TrustEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private int delta;

    @Column(name = "score_after", nullable = false, updatable = false)
    private int scoreAfter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TrustReason reason;

    @Column(updatable = false)
    private String detail;

    protected TrustEvent() {}

    TrustEvent(String clientId, Instant at, int delta, int scoreAfter, TrustReason reason, String detail) {
        this.clientId = clientId;
        this.at = at;
        this.delta = delta;
        this.scoreAfter = scoreAfter;
        this.reason = reason;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    TrustChange toApi() {
        return new TrustChange(at, delta, scoreAfter, reason.name(), detail);
    }
}
