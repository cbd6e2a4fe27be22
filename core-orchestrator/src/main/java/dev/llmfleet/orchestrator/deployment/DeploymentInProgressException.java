package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** A deployment was asked for while another one is still going. */
public class DeploymentInProgressException extends FleetException {

    private DeploymentInProgressException(String message) {
        super(Kind.CONFLICT, "deployment-in-progress", message);
    }

    static DeploymentInProgressException of(UUID id, String version, String state) {
        return new DeploymentInProgressException(
                "Deployment " + id + " of " + version + " is still " + state + "; wait for it to end");
    }

    static DeploymentInProgressException concurrent() {
        return new DeploymentInProgressException("Another deployment was started at the same moment");
    }
}
