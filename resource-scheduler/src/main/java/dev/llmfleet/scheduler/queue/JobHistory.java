package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One row of a job's append-only history. */
@Entity
@Immutable
@Table(name = "job_history")
class JobHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private JobState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private JobState toState;

    @Column(nullable = false)
    private String actor;

    private String reason;

    @Column(nullable = false)
    private Instant at;

    protected JobHistory() {}

    JobHistory(UUID jobId, Job.Transition transition) {
        this.jobId = jobId;
        this.fromState = transition.from();
        this.toState = transition.to();
        this.actor = transition.actor();
        this.reason = truncate(transition.reason());
        this.at = transition.at();
    }

    JobHistoryEntry toEntry() {
        return new JobHistoryEntry(jobId, fromState, toState, actor, reason, at);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }
}
