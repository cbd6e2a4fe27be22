package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import dev.llmfleet.orchestrator.coordinator.RequestCoordinator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Starts deployments and answers about them; {@link DeploymentDriver} carries them out. The
 * desired version of the fleet is the one the last successful deployment left.
 */
@Service
public class DeploymentService implements Deployments {

    /** Who the pipeline's own deployments are requested by. */
    public static final String ORCHESTRATOR = "orchestrator";

    private final DeploymentStore store;
    private final RequestCoordinator coordinator;
    private final LifecycleClient lifecycle;

    DeploymentService(DeploymentStore store, RequestCoordinator coordinator, LifecycleClient lifecycle) {
        this.store = store;
        this.coordinator = coordinator;
        this.lifecycle = lifecycle;
    }

    @Override
    public DeploymentView deploy(String version, String reason, String actor) {
        return store.create(DeploymentKind.DEPLOY, version, reason, actor).toApi();
    }

    /**
     * An operator's deployment: {@code version} is a version name or {@code latest}, checked with the
     * training host before anything starts.
     */
    public DeploymentView request(String version, String reason, String actor) {
        store.active().ifPresent(active -> {
            throw DeploymentInProgressException.of(
                    active.id(), active.version(), active.state().name());
        });
        VersionView found = existing(version);
        if (found.deletedAt() != null) {
            throw VersionNotDeployableException.deleted(found.name());
        }
        return deploy(found.name(), reason, actor);
    }

    /** Goes back to the version deployed before the current one. */
    public DeploymentView rollback(String reason, String actor) {
        String target = store.rollbackTarget()
                .orElseThrow(() ->
                        NothingToRollBackException.from(store.deployedVersion().orElse(null)));
        return store.create(DeploymentKind.ROLLBACK, target, reason, actor).toApi();
    }

    @Override
    public Optional<DeploymentView> find(UUID id) {
        return store.find(id).map(Deployment::toApi);
    }

    /** The newest first. */
    public List<DeploymentView> recent(int limit) {
        return store.recent(limit).stream().map(Deployment::toApi).toList();
    }

    @Override
    public Optional<String> deployedVersion() {
        return store.deployedVersion();
    }

    @Override
    public Optional<DeploymentView> inProgress() {
        return store.active().map(Deployment::toApi);
    }

    private VersionView existing(String version) {
        try {
            VersionView found = coordinator.call("lifecycle", () -> lifecycle.version(version));
            if (found == null) {
                throw UnknownVersionException.named(version);
            }
            return found;
        } catch (CoordinatorException e) {
            if (e.retriable()) {
                throw TrainerUnavailableException.checking(version, e);
            }
            if (e.getCause() instanceof HttpClientErrorException refused
                    && refused.getStatusCode().value() == 404) {
                throw UnknownVersionException.named(version);
            }
            throw VersionNotDeployableException.refused(version, e.getMessage());
        }
    }
}
