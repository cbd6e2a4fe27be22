package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.error.FleetException;

/** A version operation that does not fit the version's state. */
public final class VersionStateException extends FleetException {

    private VersionStateException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static VersionStateException alreadyDeleted(String name) {
        return new VersionStateException(
                Kind.GONE, "version-deleted", "version " + name + " is deleted; restore it from a backup");
    }

    static VersionStateException isCurrent(String name) {
        return new VersionStateException(
                Kind.CONFLICT,
                "version-in-use",
                "version " + name + " is the current model; make another version current first");
    }

    static VersionStateException filesMissing(String name) {
        return new VersionStateException(
                Kind.CONFLICT,
                "version-files-missing",
                "the files of version " + name + " are missing or damaged on this host");
    }
}
