package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.orchestrator.DeploymentView;
import java.util.Optional;
import java.util.UUID;

/**
 * Deploys versions to the inference hosts: the pipeline's promotion step and the operators' REST
 * calls both go through here. A deployment is persisted and driven to its end (DEPLOYED, or
 * ROLLED_BACK to the previous version when the hosts cannot load it or fail the check) by a loop
 * that survives restarts; callers poll {@link #find(UUID)}.
 */
public interface Deployments {

    /**
     * Starts deploying {@code version}; answers at once with the deployment in PENDING.
     *
     * @throws DeploymentInProgressException while another deployment has not ended: one at a time
     */
    DeploymentView deploy(String version, String reason, String actor);

    Optional<DeploymentView> find(UUID id);

    /** The version the fleet should serve (the last one deployed successfully), empty before the first. */
    Optional<String> deployedVersion();

    /** The deployment that has not ended yet, if any. */
    Optional<DeploymentView> inProgress();
}
