package dev.llmfleet.orchestrator.deployment;

import java.util.UUID;

/** This orchestrator no longer holds a deployment it was driving (taken over, or deleted). */
class LostDeploymentException extends RuntimeException {

    private LostDeploymentException(String message) {
        super(message);
    }

    static LostDeploymentException gone(UUID id) {
        return new LostDeploymentException("Deployment " + id + " no longer exists");
    }

    static LostDeploymentException takenBy(UUID id, String owner) {
        return new LostDeploymentException(
                "Deployment " + id + " is now held by " + (owner == null ? "nobody" : owner));
    }
}
