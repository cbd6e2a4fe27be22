package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.orchestrator.coordinator.CoordinatorException;
import dev.llmfleet.orchestrator.coordinator.RequestCoordinator;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the end of a deployment leaves behind: a decision with its reasons, the
 * {@code fleet.orchestrator.deployments} counter, and the training host's current model.
 *
 * <p>The training host's current model follows what the fleet serves. Consolidation already makes a
 * new version current, so a deployment of it needs nothing more; but after a rollback, or a
 * deployment of an older version, the training host would go on training from a model nobody
 * serves. So at the end, when the training host's current version is not the one now served, it is
 * made current with {@link LifecycleClient#restore(String)} (which only repoints a link, unless the
 * version's files are gone and must come back from its backup). This is best-effort: the outcome is
 * in the decision's reasons, and a failure does not undo the deployment.
 */
@Component
class DeploymentOutcomes {

    private final DecisionLog decisions;
    private final RequestCoordinator coordinator;
    private final LifecycleClient lifecycle;
    private final MeterRegistry meters;

    DeploymentOutcomes(
            DecisionLog decisions, RequestCoordinator coordinator, LifecycleClient lifecycle, MeterRegistry meters) {
        this.decisions = decisions;
        this.coordinator = coordinator;
        this.lifecycle = lifecycle;
        this.meters = meters;
    }

    void deployed(Deployment deployment) {
        List<String> reasons = new ArrayList<>();
        reasons.add(reasonOf(deployment));
        reasons.add("deployment " + deployment.id());
        deployment
                .targets()
                .forEach(t -> reasons.add(t.instanceId() + " loaded " + deployment.version()
                        + ", answered ready and a smoke generation"));
        reasons.add(makeCurrent(deployment.version()));
        boolean rollback = deployment.kind() == DeploymentKind.ROLLBACK;
        decisions.record(
                rollback ? "ROLLBACK" : "DEPLOY",
                deployment.version(),
                rollback
                        ? "rolled back from " + deployment.previousVersion() + " to " + deployment.version()
                        : "deployed to " + deployment.targets().size() + " host(s)",
                reasons,
                deployment.requestedBy());
        count("deployed");
    }

    void abandoned(Deployment deployment, String why, List<String> hostOutcomes) {
        List<String> reasons = new ArrayList<>();
        reasons.add(why);
        reasons.add("deployment " + deployment.id() + " (" + reasonOf(deployment) + ")");
        reasons.addAll(hostOutcomes);
        String previous = deployment.previousVersion();
        if (previous == null) {
            reasons.add("no version was deployed before, so there is none to go back to");
            decisions.record("DEPLOY", deployment.version(), "failed", reasons, deployment.requestedBy());
            count("failed");
            return;
        }
        reasons.add(makeCurrent(previous));
        decisions.record(
                "ROLLBACK",
                deployment.version(),
                "rolled back to " + previous + "; " + previous + " stays the desired version",
                reasons,
                deployment.requestedBy());
        count("rolled_back");
    }

    private String makeCurrent(String version) {
        try {
            VersionView current = coordinator.call("lifecycle", () -> lifecycle.version("current"));
            if (current != null && version.equals(current.name())) {
                return "the training host's current model is already " + version;
            }
            coordinator.call("lifecycle", () -> lifecycle.restore(version));
            return "made " + version + " the training host's current model";
        } catch (CoordinatorException e) {
            return "could not make " + version + " the training host's current model: " + e.getMessage();
        }
    }

    private void count(String outcome) {
        meters.counter("fleet.orchestrator.deployments", "outcome", outcome).increment();
    }

    private static String reasonOf(Deployment deployment) {
        return deployment.reason() == null || deployment.reason().isBlank()
                ? "requested by " + deployment.requestedBy()
                : deployment.reason();
    }
}
