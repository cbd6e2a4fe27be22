package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.api.error.FleetException;

/**
 * A backup that could not be made or no longer matches its SHA-256s. Whatever depended on it was
 * not done: nothing was deleted or overwritten.
 */
public final class BackupFailedException extends FleetException {

    private BackupFailedException(String message, Throwable cause) {
        super(Kind.CONFLICT, "backup-not-verified", message, cause);
    }

    static BackupFailedException notVerified(String backup, String why) {
        return new BackupFailedException("backup " + backup + " failed verification: " + why, null);
    }

    static BackupFailedException couldNotWrite(String backup, Exception cause) {
        return new BackupFailedException("backup " + backup + " could not be written: " + cause.getMessage(), cause);
    }

    static BackupFailedException sourceDamaged(String version, String why) {
        return new BackupFailedException(
                "version " + version + " cannot be backed up, its files are damaged: " + why, null);
    }
}
