package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.error.FleetException;

/** A deployment asked for a version the training host does not have. */
public class UnknownVersionException extends FleetException {

    private UnknownVersionException(String message) {
        super(Kind.NOT_FOUND, "version-not-found", message);
    }

    static UnknownVersionException named(String version) {
        return new UnknownVersionException("The training host has no version '" + version + "'");
    }
}
