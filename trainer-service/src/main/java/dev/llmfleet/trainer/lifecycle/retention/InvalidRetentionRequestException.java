package dev.llmfleet.trainer.lifecycle.retention;

import dev.llmfleet.api.error.FleetException;

public final class InvalidRetentionRequestException extends FleetException {

    private InvalidRetentionRequestException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static InvalidRetentionRequestException outsideDataFolder(String path) {
        return new InvalidRetentionRequestException(
                Kind.INVALID, "checkpoint-outside-data", path + " is not under the trainer's data folder");
    }

    static InvalidRetentionRequestException missingField(String field) {
        return new InvalidRetentionRequestException(Kind.INVALID, "missing-field", field + " is required");
    }

    static InvalidRetentionRequestException pinNotFound(long id) {
        return new InvalidRetentionRequestException(Kind.NOT_FOUND, "pin-not-found", "no checkpoint pin " + id);
    }

    static InvalidRetentionRequestException badKeepLast(int keepLast) {
        return new InvalidRetentionRequestException(
                Kind.INVALID, "invalid-keep-last", "keepLast must be at least 1, was " + keepLast);
    }
}
