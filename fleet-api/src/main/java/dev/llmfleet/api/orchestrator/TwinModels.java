package dev.llmfleet.api.orchestrator;

import java.util.List;

/**
 * The model side of the twin.
 *
 * @param desiredVersion the version every inference host should serve, null before the first deployment
 * @param latestVersion the newest version on the training host
 * @param latestCandidate the newest evaluated candidate
 */
public record TwinModels(
        String desiredVersion, String latestVersion, CandidateView latestCandidate, List<TwinDeployment> deployments) {

    public TwinModels {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }
}
