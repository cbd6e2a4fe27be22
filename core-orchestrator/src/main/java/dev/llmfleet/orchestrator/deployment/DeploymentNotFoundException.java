package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

public class DeploymentNotFoundException extends FleetException {

    private DeploymentNotFoundException(String message) {
        super(Kind.NOT_FOUND, "deployment-not-found", message);
    }

    static DeploymentNotFoundException forId(UUID id) {
        return new DeploymentNotFoundException("No deployment " + id);
    }
}
