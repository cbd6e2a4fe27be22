package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.error.FleetException;

public final class VersionNotFoundException extends FleetException {

    private VersionNotFoundException(String message) {
        super(Kind.NOT_FOUND, "version-not-found", message);
    }

    static VersionNotFoundException forName(String name) {
        return new VersionNotFoundException("no version " + name);
    }

    static VersionNotFoundException noFile(String version, String file) {
        return new VersionNotFoundException("version " + version + " has no file " + file);
    }
}
