package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.orchestrator.DeploymentView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One deployment of a version to the inference hosts, driven step by step by {@link DeploymentDriver}.
 * It is held by one orchestrator at a time ({@code owner} until {@code leaseUntil}), so that a
 * restarted orchestrator takes it over where it was.
 */
@Entity
@Table(name = "deployment")
class Deployment {

    private static final int MAX_DETAIL = 4_000;

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeploymentKind kind;

    @Column(nullable = false)
    private String version;

    @Column(name = "previous_version")
    private String previousVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeploymentState state;

    private String reason;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private int attempts;

    private String detail;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "step_deadline")
    private Instant stepDeadline;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    private String owner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deployment_target", joinColumns = @JoinColumn(name = "deployment_id"))
    private List<DeploymentTarget> targets = new ArrayList<>();

    protected Deployment() {}

    Deployment(
            DeploymentKind kind,
            String version,
            String previousVersion,
            String reason,
            String requestedBy,
            String owner,
            Instant now,
            Duration lease,
            Duration stepDeadline) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.version = version;
        this.previousVersion = previousVersion;
        this.state = DeploymentState.PENDING;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.detail = "waiting for the deployment loop";
        this.startedAt = now;
        this.nextAttemptAt = now;
        this.stepDeadline = now.plus(stepDeadline);
        this.owner = owner;
        this.leaseUntil = now.plus(lease);
    }

    /** Whether {@code owner} may drive it now: it holds it, or nobody holds it any more. */
    boolean claimableBy(String owner, Instant now) {
        return owner.equals(this.owner) || this.owner == null || leaseUntil == null || !leaseUntil.isAfter(now);
    }

    /**
     * Holds it for {@code lease} more. Taking it over from another orchestrator (one that stopped
     * or crashed) gives the current step a fresh deadline: the time it was left alone is not the hosts' fault.
     *
     * @return whether it was taken over from someone else
     */
    boolean claim(String owner, Instant now, Duration lease, Duration stepDeadline) {
        boolean takeover = !owner.equals(this.owner);
        if (takeover) {
            this.stepDeadline = now.plus(stepDeadline);
            this.nextAttemptAt = now;
            note((this.owner == null ? "resumed" : "taken over from " + this.owner) + " by " + owner);
        }
        this.owner = owner;
        this.leaseUntil = now.plus(lease);
        return takeover;
    }

    void release() {
        owner = null;
        leaseUntil = null;
    }

    boolean due(Instant now) {
        return !nextAttemptAt.isAfter(now);
    }

    boolean pastDeadline(Instant now) {
        return stepDeadline != null && now.isAfter(stepDeadline);
    }

    /** PENDING → DEPLOYING: the hosts it covers are fixed from now on. */
    void begin(List<InferenceHost> hosts, Instant now, Duration deadline) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("A deployment needs at least one host");
        }
        moveTo(DeploymentState.DEPLOYING, now, deadline);
        targets.clear();
        hosts.forEach(h -> targets.add(new DeploymentTarget(h)));
        note("loading " + version + " on " + hosts.size() + " host(s)");
    }

    /** DEPLOYING → VERIFYING, once every target serves the version. */
    void loaded(Instant now, Duration deadline) {
        if (!targets.stream().allMatch(DeploymentTarget::loaded)) {
            throw new IllegalStateException("Deployment " + id + " has hosts that did not load " + version);
        }
        moveTo(DeploymentState.VERIFYING, now, deadline);
        note("verifying " + version + " on " + targets.size() + " host(s)");
    }

    /** VERIFYING → DEPLOYED, once every target passed its checks. */
    void deployed(Instant now) {
        if (!targets.stream().allMatch(DeploymentTarget::verified)) {
            throw new IllegalStateException("Deployment " + id + " has hosts that were not verified");
        }
        moveTo(DeploymentState.DEPLOYED, now, null);
        finishedAt = now;
        note("deployed " + version + " on " + targets.size() + " host(s)");
    }

    /** Ends it: ROLLED_BACK when there was a previous version to go back to, FAILED when not. */
    void abandon(String why, Instant now) {
        moveTo(previousVersion == null ? DeploymentState.FAILED : DeploymentState.ROLLED_BACK, now, null);
        finishedAt = now;
        note(why);
    }

    /** A step that could not finish now; it is tried again after {@code backoff}. */
    void retryLater(String why, Instant now, Duration backoff) {
        attempts++;
        nextAttemptAt = now.plus(backoff);
        note(why);
    }

    private void moveTo(DeploymentState next, Instant now, Duration deadline) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("Deployment " + id + " cannot go from " + state + " to " + next);
        }
        state = next;
        if (next.inProgress()) {
            attempts = 0; // attempts count the tries of the current step; an ended one keeps its last count
        }
        nextAttemptAt = now;
        stepDeadline = deadline == null ? null : now.plus(deadline);
    }

    private void note(String what) {
        detail = what.length() > MAX_DETAIL ? what.substring(0, MAX_DETAIL) : what;
    }

    DeploymentView toApi() {
        return new DeploymentView(
                id,
                version,
                previousVersion,
                state.name(),
                reason,
                requestedBy,
                attempts,
                detail,
                startedAt,
                finishedAt);
    }

    UUID id() {
        return id;
    }

    DeploymentKind kind() {
        return kind;
    }

    String version() {
        return version;
    }

    String previousVersion() {
        return previousVersion;
    }

    DeploymentState state() {
        return state;
    }

    String reason() {
        return reason;
    }

    String requestedBy() {
        return requestedBy;
    }

    int attempts() {
        return attempts;
    }

    List<DeploymentTarget> targets() {
        return targets;
    }

    DeploymentTarget target(String instanceId) {
        return targets.stream()
                .filter(t -> t.instanceId().equals(instanceId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Deployment " + id + " does not cover " + instanceId));
    }

    String ownerId() {
        return owner;
    }
}
