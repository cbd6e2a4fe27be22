package dev.llmfleet.orchestrator.decision;

import dev.llmfleet.api.orchestrator.DecisionView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One recorded decision (append-only). */
@Entity
@Table(name = "decision")
class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String outcome;

    /** One reason per line. */
    @Column(nullable = false)
    private String reasons;

    @Column(nullable = false)
    private String actor;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Decision() {}

    Decision(String kind, String subject, String outcome, List<String> reasons, String actor, Instant at) {
        this.kind = kind;
        this.subject = subject;
        this.outcome = outcome;
        this.reasons = String.join(
                "\n", reasons.stream().map(r -> r.replace('\n', ' ')).toList());
        this.actor = actor;
        this.decidedAt = at;
    }

    DecisionView toApi() {
        List<String> lines = reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n"));
        return new DecisionView(id, kind, subject, outcome, lines, actor, decidedAt);
    }
}
