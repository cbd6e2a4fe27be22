package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.orchestrator.OrchestratorProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The loop that drives every deployment in progress to its end, one step per turn. Its state is
 * all in the database, so a restarted orchestrator carries on where the last one stopped.
 *
 * <p>A step that fails in a way that may pass (a host down or busy) is tried again with a growing
 * wait until the step's deadline; then, or at once when a host refused outright, the deployment
 * rolls back: the previous version is reloaded on every host that can be reached and stays the
 * desired version. The loop itself never stops on an error.
 */
@Component
class DeploymentDriver {

    private static final Log log = LogFactory.getLog(DeploymentDriver.class);

    private final DeploymentStore store;
    private final Rollout rollout;
    private final DeploymentOutcomes outcomes;
    private final OrchestratorProperties.Deployment settings;
    private final Clock clock;
    private final AtomicBoolean driving = new AtomicBoolean();

    DeploymentDriver(
            DeploymentStore store,
            Rollout rollout,
            DeploymentOutcomes outcomes,
            OrchestratorProperties properties,
            Clock clock) {
        this.store = store;
        this.rollout = rollout;
        this.outcomes = outcomes;
        this.settings = properties.deployment();
        this.clock = clock;
    }

    // Fixed rate, not fixed delay: with virtual threads Spring runs every fixed-delay task of the
    // application on its one scheduler thread, so a slow turn here would hold up the registry's
    // sweeps and every other loop. The guard keeps turns from overlapping.
    @Scheduled(fixedRateString = "${fleet.orchestrator.deployment.interval:1s}")
    void drive() {
        if (!driving.compareAndSet(false, true)) {
            return;
        }
        try {
            driveOnce();
        } finally {
            driving.set(false);
        }
    }

    private void driveOnce() {
        List<UUID> active;
        try {
            active = store.inProgress();
        } catch (RuntimeException e) {
            log.warn("Cannot read the deployments in progress: " + e.getMessage());
            return;
        }
        for (UUID id : active) {
            try {
                advance(id);
            } catch (LostDeploymentException | ConcurrencyFailureException e) {
                log.info("Deployment " + id + " changed hands meanwhile: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Deployment " + id + " could not advance this turn", e);
            }
        }
    }

    private void advance(UUID id) {
        Instant now = clock.instant();
        Deployment deployment = store.claim(id, now).orElse(null);
        if (deployment == null || !deployment.due(now)) {
            return;
        }
        try {
            Deployment after = switch (deployment.state()) {
                case PENDING -> rollout.start(deployment);
                case DEPLOYING -> rollout.load(deployment);
                case VERIFYING -> rollout.verify(deployment);
                default -> deployment;
            };
            if (after.state() == DeploymentState.DEPLOYED) {
                log.info("Deployment " + id + ": " + after.version() + " is deployed");
                outcomes.deployed(after);
            }
        } catch (RolloutException e) {
            failed(id, e);
        }
    }

    private void failed(UUID id, RolloutException e) {
        Instant now = clock.instant();
        Deployment deployment = store.find(id).orElseThrow(() -> LostDeploymentException.gone(id));
        if (e.retriable() && !deployment.pastDeadline(now)) {
            Duration wait = backoff(deployment.attempts());
            store.update(id, d -> d.retryLater(e.getMessage() + "; trying again in " + wait, now, wait));
            log.info("Deployment " + id + " step " + deployment.state() + " will be tried again: " + e.getMessage());
            return;
        }
        String why = e.retriable()
                ? deployment.state() + " did not succeed within " + settings.stepDeadline() + ": " + e.getMessage()
                : deployment.state() + " failed: " + e.getMessage();
        abandon(deployment, why);
    }

    private void abandon(Deployment deployment, String why) {
        String previous = deployment.previousVersion();
        List<String> hostOutcomes = previous == null ? List.of() : rollout.restore(deployment, previous);
        String detail = hostOutcomes.isEmpty() ? why : why + "; " + String.join("; ", hostOutcomes);
        Deployment ended = store.update(deployment.id(), d -> d.abandon(detail, clock.instant()));
        log.warn("Deployment " + ended.id() + " of " + ended.version() + " ended " + ended.state() + ": " + detail);
        outcomes.abandoned(ended, why, hostOutcomes);
    }

    private Duration backoff(int attempts) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(settings.retryMaxBackoff()) > 0 ? settings.retryMaxBackoff() : wait;
    }

    @PreDestroy
    void letGo() {
        try {
            store.releaseAll();
        } catch (RuntimeException e) {
            log.warn("Could not let go of the deployments in progress: " + e.getMessage());
        }
    }
}
