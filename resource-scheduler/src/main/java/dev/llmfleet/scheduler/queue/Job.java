package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job on the queue and its state machine. Every method that moves it checks the move against
 * {@link JobTransitions} and records it for the history; lease methods also check that the caller
 * holds the current lease.
 */
@Entity
@Table(name = "job")
class Job {

    /** One move, waiting to be written to the history with the job. */
    record Transition(JobState from, JobState to, String actor, String reason, Instant at) {}

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobPriority priority;

    @Column(name = "priority_rank", nullable = false)
    private short priorityRank;

    @Column(name = "queue_position", nullable = false)
    private long queuePosition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobState state;

    @Column(name = "payload_ref", nullable = false)
    private String payloadRef;

    private String model;

    @Column(name = "required_vram_mb", nullable = false)
    private long requiredVramMb;

    @Column(name = "formula_vram_mb")
    private Long formulaVramMb;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Column(name = "host_constraint")
    private String hostConstraint;

    @Column(name = "device_constraint")
    private String deviceConstraint;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "lease_id")
    private UUID leaseId;

    @Column(name = "leased_host")
    private String leasedHost;

    @Column(name = "leased_device")
    private String leasedDevice;

    @Column(name = "leased_at")
    private Instant leasedAt;

    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;

    @Column(name = "pause_requested", nullable = false)
    private boolean pauseRequested;

    @Column(name = "checkpoint_ref")
    private String checkpointRef;

    @Column(name = "peak_vram_mb")
    private Long peakVramMb;

    @Column(name = "last_reason")
    private String lastReason;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** JSON text, see {@link JobSettings}. */
    private String settings;

    @Version
    private Long version;

    @Transient
    private final List<Transition> transitions = new ArrayList<>();

    protected Job() {}

    Job(NewJob spec, long queuePosition, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = spec.kind();
        setPriority(spec.priority());
        this.queuePosition = queuePosition;
        this.payloadRef = spec.payloadRef();
        this.model = spec.model();
        this.requiredVramMb = spec.requiredVramMb();
        this.formulaVramMb = spec.formulaVramMb();
        this.submittedBy = spec.submittedBy();
        this.hostConstraint = spec.host();
        this.deviceConstraint = spec.deviceUuid();
        this.maxAttempts = spec.maxAttempts();
        this.settings = JobSettings.toColumn(spec.settings());
        this.submittedAt = now;
        this.updatedAt = now;
        this.state = JobState.QUEUED;
        transitions.add(new Transition(null, JobState.QUEUED, spec.submittedBy(), "submitted", now));
    }

    /** What a submission turns into once defaults and the VRAM estimate are settled. */
    record NewJob(
            JobKind kind,
            JobPriority priority,
            String payloadRef,
            String model,
            long requiredVramMb,
            Long formulaVramMb,
            String submittedBy,
            String host,
            String deviceUuid,
            int maxAttempts,
            Map<String, Object> settings) {}

    // ---- scheduler and worker moves -------------------------------------------------------

    /** Renews the lease; the first renewal means the worker started, so the job is RUNNING. */
    void renewLease(UUID heldLease, Instant expiresAt, Instant now) {
        requireLease(heldLease);
        if (state == JobState.LEASED) {
            moveTo(JobState.RUNNING, worker(), "worker started", now);
        }
        leaseExpiresAt = expiresAt;
        updatedAt = now;
    }

    void complete(UUID heldLease, Long peakMb, String summary, Instant now) {
        requireLease(heldLease);
        if (state == JobState.LEASED) {
            moveTo(JobState.RUNNING, worker(), "worker started", now);
        }
        moveTo(JobState.COMPLETED, worker(), summary == null ? "completed" : summary, now);
        peakVramMb = peakMb;
        finishedAt = now;
        endLease();
    }

    void fail(UUID heldLease, String reason, boolean retryable, Instant now) {
        requireLease(heldLease);
        String actor = worker();
        endLease();
        requeueOrFail(actor, reason, retryable, now);
    }

    void expireLease(Instant now) {
        if (!state.isLeased() || leaseExpiresAt.isAfter(now)) {
            throw IllegalJobTransitionException.cannot(id, state, "expire a lease that still holds");
        }
        String reason = "lease of " + leasedHost + "/" + leasedDevice + " expired";
        endLease();
        requeueOrFail("scheduler", reason, true, now);
    }

    /**
     * The host let go of the lease without finishing its work (it restarted, so nothing runs it):
     * the attempt is given back and the job returns to its original position, or to PAUSED when a
     * pause was asked for while it was leased.
     */
    void releaseLease(String why, Instant now) {
        if (!state.isLeased()) {
            throw IllegalJobTransitionException.cannot(id, state, "release a lease it does not hold");
        }
        String reason = "lease of " + leasedHost + "/" + leasedDevice + " released: " + why
                + " (attempt not counted, %d of %d used)".formatted(attempts - 1, maxAttempts);
        String actor = worker();
        endLease();
        attempts = Math.max(0, attempts - 1);
        if (pauseRequested) {
            moveTo(JobState.PAUSED, actor, reason + "; paused as requested", now);
            pauseRequested = false;
        } else {
            moveTo(JobState.QUEUED, actor, reason, now);
        }
    }

    void confirmPaused(UUID heldLease, String checkpoint, Instant now) {
        requireLease(heldLease);
        moveTo(JobState.PAUSED, worker(), "checkpoint " + checkpoint, now);
        checkpointRef = checkpoint;
        pauseRequested = false;
        endLease();
    }

    // ---- user moves ------------------------------------------------------------------------

    /** Pauses a queued job at once; asks the worker of a leased one to checkpoint first. */
    void pause(String actor, String reason, Instant now) {
        if (state == JobState.QUEUED) {
            moveTo(JobState.PAUSED, actor, reason, now);
        } else if (state.isLeased() && !pauseRequested) {
            pauseRequested = true;
            lastReason = "pause requested by " + actor + (reason == null ? "" : ": " + reason);
            updatedAt = now;
        } else {
            throw IllegalJobTransitionException.of(id, state, JobState.PAUSED);
        }
    }

    /** Puts a paused job back at its original position; withdraws a pause not yet confirmed. */
    void resume(String actor, String reason, Instant now) {
        if (state.isLeased() && pauseRequested) {
            pauseRequested = false;
            lastReason = "pause withdrawn by " + actor;
            updatedAt = now;
            return;
        }
        if (state != JobState.PAUSED) {
            throw IllegalJobTransitionException.of(id, state, JobState.QUEUED);
        }
        moveTo(JobState.QUEUED, actor, reason == null ? "resumed" : reason, now);
    }

    /** Ends the current attempt and sends the job to the end of the LOW queue. */
    void skip(String actor, String reason, long endOfQueue, Instant now) {
        moveTo(JobState.SKIPPED, actor, reason == null ? "skipped" : reason, now);
        endLease();
        pauseRequested = false;
        setPriority(JobPriority.LOW);
        queuePosition = endOfQueue;
        moveTo(JobState.QUEUED, actor, "requeued at the end of LOW after a skip", now);
    }

    void cancel(String actor, String reason, Instant now) {
        moveTo(JobState.CANCELLED, actor, reason == null ? "cancelled" : reason, now);
        endLease();
        pauseRequested = false;
        finishedAt = now;
    }

    /** Gives a failed job a fresh set of attempts. */
    void retry(String actor, String reason, Instant now) {
        if (state != JobState.FAILED) {
            throw IllegalJobTransitionException.cannot(id, state, "be retried (only FAILED jobs can)");
        }
        moveTo(JobState.QUEUED, actor, reason == null ? "retried by hand" : reason, now);
        attempts = 0;
        finishedAt = null;
    }

    /** Moves the job to another priority; it keeps its position among that priority's jobs. */
    void changePriority(JobPriority newPriority, String actor, String reason, Instant now) {
        if (state.isTerminal()) {
            throw IllegalJobTransitionException.cannot(id, state, "change priority");
        }
        String why = "priority %s → %s%s".formatted(priority, newPriority, reason == null ? "" : ": " + reason);
        setPriority(newPriority);
        transitions.add(new Transition(state, state, actor, why, now));
        lastReason = why;
        updatedAt = now;
    }

    // ---- internals -------------------------------------------------------------------------

    private void requeueOrFail(String actor, String reason, boolean retryable, Instant now) {
        if (retryable && attempts < maxAttempts) {
            moveTo(JobState.QUEUED, actor, reason + " (attempt %d of %d)".formatted(attempts, maxAttempts), now);
        } else {
            String why = retryable ? reason + " (no attempts left, %d of %d)".formatted(attempts, maxAttempts) : reason;
            moveTo(JobState.FAILED, actor, why, now);
            finishedAt = now;
        }
        pauseRequested = false;
    }

    private void moveTo(JobState to, String actor, String reason, Instant now) {
        if (!JobTransitions.canTransition(state, to)) {
            throw IllegalJobTransitionException.of(id, state, to);
        }
        transitions.add(new Transition(state, to, actor, reason, now));
        state = to;
        lastReason = reason;
        updatedAt = now;
    }

    private void requireLease(UUID heldLease) {
        if (!state.isLeased() || !heldLease.equals(leaseId)) {
            throw LeaseLostException.forLease(heldLease);
        }
    }

    private void endLease() {
        leaseId = null;
        leaseExpiresAt = null;
    }

    private void setPriority(JobPriority newPriority) {
        priority = newPriority;
        priorityRank = (short) newPriority.rank();
    }

    private String worker() {
        return "worker@" + leasedHost;
    }

    /** Hands out the moves made since the last call, for the history. */
    List<Transition> takeTransitions() {
        List<Transition> taken = List.copyOf(transitions);
        transitions.clear();
        return taken;
    }

    boolean holdsLease(UUID lease) {
        return state.isLeased() && lease.equals(leaseId);
    }

    JobResponse toResponse() {
        return new JobResponse(
                id,
                kind,
                priority,
                state,
                queuePosition,
                payloadRef,
                model,
                requiredVramMb,
                submittedBy,
                hostConstraint,
                deviceConstraint,
                attempts,
                maxAttempts,
                leaseId,
                leasedHost,
                leasedDevice,
                leaseExpiresAt,
                pauseRequested,
                checkpointRef,
                peakVramMb,
                lastReason,
                submittedAt,
                updatedAt,
                JobSettings.fromColumn(settings));
    }

    Lease toLease(long heartbeatIntervalMs) {
        return new Lease(
                leaseId, id, leasedHost, leasedDevice, attempts, leaseExpiresAt, heartbeatIntervalMs, toResponse());
    }

    UUID id() {
        return id;
    }

    JobState state() {
        return state;
    }

    String model() {
        return model;
    }

    Long formulaVramMb() {
        return formulaVramMb;
    }

    String leasedHost() {
        return leasedHost;
    }

    String leasedDevice() {
        return leasedDevice;
    }

    Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    boolean pauseRequested() {
        return pauseRequested;
    }

    Instant submittedAt() {
        return submittedAt;
    }
}
