package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.orchestrator.deployment.Deployments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Deployments that end when a test says so. */
class FakeDeployments implements Deployments {

    private final Map<UUID, DeploymentView> deployments = new LinkedHashMap<>();
    private String deployed;

    synchronized void reset() {
        deployments.clear();
        deployed = null;
    }

    /** A version served before the test (deployed by hand). */
    synchronized void serving(String version) {
        deployed = version;
    }

    synchronized List<DeploymentView> started() {
        return new ArrayList<>(deployments.values());
    }

    /** Ends the deployment of {@code version} as DEPLOYED, ROLLED_BACK or FAILED. */
    synchronized void end(String version, String state) {
        DeploymentView started = deployments.values().stream()
                .filter(d -> d.version().equals(version) && d.finishedAt() == null)
                .findFirst()
                .orElseThrow();
        deployments.put(
                started.id(),
                new DeploymentView(
                        started.id(),
                        version,
                        started.previousVersion(),
                        state,
                        started.reason(),
                        started.requestedBy(),
                        1,
                        "ended " + state,
                        started.startedAt(),
                        Instant.now()));
        if (state.equals("DEPLOYED")) {
            deployed = version;
        }
    }

    @Override
    public synchronized DeploymentView deploy(String version, String reason, String actor) {
        DeploymentView view = new DeploymentView(
                UUID.randomUUID(), version, deployed, "PENDING", reason, actor, 0, null, Instant.now(), null);
        deployments.put(view.id(), view);
        return view;
    }

    @Override
    public synchronized Optional<DeploymentView> find(UUID id) {
        return Optional.ofNullable(deployments.get(id));
    }

    @Override
    public synchronized Optional<String> deployedVersion() {
        return Optional.ofNullable(deployed);
    }

    @Override
    public synchronized Optional<DeploymentView> inProgress() {
        return deployments.values().stream().filter(d -> d.finishedAt() == null).findFirst();
    }
}
