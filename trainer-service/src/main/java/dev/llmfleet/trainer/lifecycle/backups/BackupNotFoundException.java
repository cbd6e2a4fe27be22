package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.api.error.FleetException;

public final class BackupNotFoundException extends FleetException {

    private BackupNotFoundException(String message) {
        super(Kind.NOT_FOUND, "backup-not-found", message);
    }

    static BackupNotFoundException forId(String id) {
        return new BackupNotFoundException("no backup " + id);
    }

    public static BackupNotFoundException noVerifiedBackupOf(String version) {
        return new BackupNotFoundException("version " + version + " has no backup that still verifies");
    }
}
