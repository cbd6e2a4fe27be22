package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.api.inference.ReloadResult;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import dev.llmfleet.orchestrator.registry.RegistryService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The work of each deployment step on the hosts. Hosts are done one at a time, so that the fleet
 * never reloads all at once, and each host's progress is saved as soon as it is made: a step that
 * is tried again (or resumed after a restart) starts where it stopped.
 */
@Component
class Rollout {

    private final DeploymentStore store;
    private final InferenceHosts hosts;
    private final RegistryService registry;
    private final Duration deadline;
    private final Clock clock;

    Rollout(
            DeploymentStore store,
            InferenceHosts hosts,
            RegistryService registry,
            OrchestratorProperties properties,
            Clock clock) {
        this.store = store;
        this.hosts = hosts;
        this.registry = registry;
        this.deadline = properties.deployment().stepDeadline();
        this.clock = clock;
    }

    /** PENDING: the deployment covers the inference hosts that are UP now. */
    Deployment start(Deployment deployment) {
        List<InferenceHost> up = registry.upInstances(InferenceHost.SERVICE).stream()
                .map(InferenceHost::of)
                .toList();
        if (up.isEmpty()) {
            throw RolloutException.retriable("no " + InferenceHost.SERVICE + " instance is UP");
        }
        return store.update(deployment.id(), d -> d.begin(up, clock.instant(), deadline));
    }

    /** DEPLOYING: every host that does not serve the version yet is asked to load it. */
    Deployment load(Deployment deployment) {
        String version = deployment.version();
        for (DeploymentTarget target : deployment.targets()) {
            if (!target.loaded()) {
                loadOn(target.toHost(), version);
                store.update(deployment.id(), d -> d.target(target.instanceId()).markLoaded());
            }
        }
        return store.update(deployment.id(), d -> d.loaded(clock.instant(), deadline));
    }

    /** VERIFYING: every host must be ready, serve the version, and answer a generation with some text. */
    Deployment verify(Deployment deployment) {
        for (DeploymentTarget target : deployment.targets()) {
            if (!target.verified()) {
                verifyOn(target.toHost(), deployment.version());
                store.update(deployment.id(), d -> d.target(target.instanceId()).markVerified());
            }
        }
        return store.update(deployment.id(), d -> d.deployed(clock.instant()));
    }

    /**
     * Puts {@code version} back on every host of the deployment that can be reached; one that
     * cannot is left for reconciliation once it is back.
     *
     * @return what happened on each host, for the decision's reasons
     */
    List<String> restore(Deployment deployment, String version) {
        List<String> outcomes = new ArrayList<>();
        for (DeploymentTarget target : deployment.targets()) {
            InferenceHost host = target.toHost();
            try {
                boolean serves = serves(host, version);
                if (!serves) {
                    hosts.reload(host, version);
                }
                outcomes.add(host.instanceId() + (serves ? " still serves " : " reloaded ") + version);
            } catch (CoordinatorException e) {
                outcomes.add(host.instanceId() + " could not be given " + version + " back: " + e.getMessage());
            }
        }
        return outcomes;
    }

    private void loadOn(InferenceHost host, String version) {
        try {
            if (serves(host, version)) {
                return;
            }
            ReloadResult result = hosts.reload(host, version);
            String loaded = result == null || result.current() == null
                    ? null
                    : result.current().version();
            if (!version.equals(loaded)) {
                throw RolloutException.fatal(host.instanceId() + " loaded " + loaded + " instead of " + version);
            }
        } catch (CoordinatorException e) {
            throw RolloutException.from(host, "load " + version, e);
        }
    }

    private void verifyOn(InferenceHost host, String version) {
        try {
            InferenceHosts.Readiness readiness = hosts.ready(host);
            if (!readiness.ready()) {
                throw RolloutException.retriable(host.instanceId() + " is not ready: " + readiness.reason());
            }
            ModelInfo model = hosts.info(host)
                    .orElseThrow(() -> RolloutException.fatal(host.instanceId() + " serves no model any more"));
            if (!version.equals(model.version())) {
                throw RolloutException.fatal(
                        host.instanceId() + " serves " + model.version() + " instead of " + version);
            }
            InferenceHosts.Smoke smoke = hosts.smoke(host, model.name());
            // A narrow model may well end its turn at once (an empty answer): that is a model that
            // generates. A host that answers without a finished choice does not.
            if (!"stop".equals(smoke.finishReason()) && !"length".equals(smoke.finishReason())) {
                throw RolloutException.fatal(host.instanceId()
                        + " answered the smoke generation without a finished choice"
                        + (smoke.finishReason() == null ? "" : " (finish reason " + smoke.finishReason() + ")"));
            }
            if (smoke.version() != null && !version.equals(smoke.version())) {
                throw RolloutException.fatal(
                        host.instanceId() + " answered the smoke generation with " + smoke.version());
            }
        } catch (CoordinatorException e) {
            throw RolloutException.from(host, "pass the checks of " + version, e);
        }
    }

    private boolean serves(InferenceHost host, String version) {
        Optional<ModelInfo> model = hosts.info(host);
        return model.map(ModelInfo::version).filter(version::equals).isPresent();
    }
}
