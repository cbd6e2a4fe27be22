package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.error.FleetException;

/** A deployment asked for a version that exists by name but cannot be served as it is. */
public class VersionNotDeployableException extends FleetException {

    private VersionNotDeployableException(String message) {
        super(Kind.INVALID, "version-not-deployable", message);
    }

    static VersionNotDeployableException deleted(String version) {
        return new VersionNotDeployableException(
                "Version " + version + " was deleted; restore it from its backup before deploying it");
    }

    static VersionNotDeployableException refused(String version, String why) {
        return new VersionNotDeployableException("Version '" + version + "' cannot be deployed: " + why);
    }
}
