package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.orchestrator.OrchestratorProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployments in PostgreSQL, and who drives them. Each orchestrator process has its own
 * {@link #owner()} id; a deployment it starts or takes over is held by it for the configured lease,
 * renewed on every step, and let go when it shuts down, so that its successor resumes at once.
 */
@Component
class DeploymentStore {

    private static final Log log = LogFactory.getLog(DeploymentStore.class);

    private final DeploymentRepository repository;
    private final OrchestratorProperties.Deployment settings;
    private final Clock clock;
    private final String owner = "orchestrator-" + UUID.randomUUID().toString().substring(0, 8);

    DeploymentStore(DeploymentRepository repository, OrchestratorProperties properties, Clock clock) {
        this.repository = repository;
        this.settings = properties.deployment();
        this.clock = clock;
    }

    String owner() {
        return owner;
    }

    /** Starts a deployment held by this orchestrator; refuses while another one is in progress. */
    @Transactional
    Deployment create(DeploymentKind kind, String version, String reason, String requestedBy) {
        repository.findByStateIn(DeploymentState.IN_PROGRESS).stream()
                .findFirst()
                .ifPresent(active -> {
                    throw DeploymentInProgressException.of(
                            active.id(), active.version(), active.state().name());
                });
        Instant now = clock.instant();
        Deployment deployment = new Deployment(
                kind,
                version,
                deployedVersion().orElse(null),
                reason,
                requestedBy,
                owner,
                now,
                settings.lease(),
                settings.stepDeadline());
        try {
            return repository.saveAndFlush(deployment);
        } catch (DataIntegrityViolationException e) {
            throw DeploymentInProgressException.concurrent();
        }
    }

    /**
     * Takes the deployment for the next step when it is due and nobody else holds it.
     *
     * @return the deployment, held by this orchestrator, or empty when there is nothing to do now
     */
    @Transactional
    Optional<Deployment> claim(UUID id, Instant now) {
        return repository
                .findById(id)
                .filter(d -> d.state().inProgress() && d.claimableBy(owner, now))
                .filter(d -> d.due(now) || !owner.equals(d.ownerId()))
                .map(d -> {
                    if (d.claim(owner, now, settings.lease(), settings.stepDeadline())) {
                        log.info("Deployment " + d.id() + " of " + d.version() + " resumed in " + d.state() + " by "
                                + owner);
                    }
                    return d;
                });
    }

    /** Changes a deployment this orchestrator still holds; fails when another one took it meanwhile. */
    @Transactional
    Deployment update(UUID id, Consumer<Deployment> change) {
        Deployment deployment = repository.findById(id).orElseThrow(() -> LostDeploymentException.gone(id));
        if (!owner.equals(deployment.ownerId())) {
            throw LostDeploymentException.takenBy(id, deployment.ownerId());
        }
        change.accept(deployment);
        deployment.claim(owner, clock.instant(), settings.lease(), settings.stepDeadline());
        return deployment;
    }

    @Transactional(readOnly = true)
    List<UUID> inProgress() {
        return repository.findByStateIn(DeploymentState.IN_PROGRESS).stream()
                .map(Deployment::id)
                .toList();
    }

    @Transactional(readOnly = true)
    Optional<Deployment> find(UUID id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    List<Deployment> recent(int limit) {
        return repository.findByOrderByStartedAtDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 500))));
    }

    @Transactional(readOnly = true)
    Optional<Deployment> active() {
        return repository.findByStateIn(DeploymentState.IN_PROGRESS).stream().findFirst();
    }

    /** The version of the last deployment that succeeded. */
    @Transactional(readOnly = true)
    Optional<String> deployedVersion() {
        return repository
                .findFirstByStateOrderByFinishedAtDesc(DeploymentState.DEPLOYED)
                .map(Deployment::version);
    }

    /**
     * The version a rollback goes back to. The successful deployments form a stack: a deployment
     * pushes its version, a rollback pops the one it left; so rolling back twice goes two versions
     * back instead of returning to the version just rolled back from.
     */
    @Transactional(readOnly = true)
    Optional<String> rollbackTarget() {
        Deque<String> served = new ArrayDeque<>();
        for (Deployment d : repository.findByStateOrderByFinishedAtAsc(DeploymentState.DEPLOYED)) {
            List<String> stack = List.copyOf(served);
            boolean stepsBack = d.kind() == DeploymentKind.ROLLBACK
                    && stack.size() >= 2
                    && stack.get(1).equals(d.version());
            if (stepsBack) {
                served.pop();
            } else if (!d.version().equals(served.peek())) {
                served.push(d.version());
            }
        }
        return served.stream().skip(1).findFirst();
    }

    /** Lets go of what this orchestrator holds, so that the next one resumes without waiting for the lease. */
    @Transactional
    void releaseAll() {
        repository.findByStateIn(DeploymentState.IN_PROGRESS).stream()
                .filter(d -> owner.equals(d.ownerId()))
                .forEach(Deployment::release);
    }
}
