package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.api.error.FleetException;

public final class InvalidBackupRequestException extends FleetException {

    private InvalidBackupRequestException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static InvalidBackupRequestException negativeAge() {
        return new InvalidBackupRequestException(
                Kind.INVALID, "invalid-backup-age", "olderThanDays cannot be negative");
    }

    static InvalidBackupRequestException noCurrentModel() {
        return new InvalidBackupRequestException(
                Kind.CONFLICT, "no-current-model", "there is no current model to back up; name a version");
    }

    static InvalidBackupRequestException versionFilesMissing(String version) {
        return new InvalidBackupRequestException(
                Kind.NOT_FOUND, "version-files-not-found", "version " + version + " has no files on this host");
    }
}
