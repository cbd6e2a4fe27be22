package dev.llmfleet.security.audit;

import dev.llmfleet.api.security.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audit line; never updated (the table refuses updates and deletes). */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String target;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "remote_address", updatable = false)
    private String remoteAddress;

    @Column(updatable = false)
    private String detail;

    protected AuditEvent() {}

    AuditEvent(
            Instant at,
            String actor,
            String action,
            String target,
            AuditOutcome outcome,
            String remoteAddress,
            String detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.outcome = outcome.name();
        this.remoteAddress = remoteAddress;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    AuditEntry toApi() {
        return new AuditEntry(id, at, actor, action, target, outcome, remoteAddress, detail);
    }
}
