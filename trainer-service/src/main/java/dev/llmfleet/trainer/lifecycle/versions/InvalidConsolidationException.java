package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.error.FleetException;

/** A consolidation request that cannot start: nothing was touched. */
public final class InvalidConsolidationException extends FleetException {

    private InvalidConsolidationException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static InvalidConsolidationException outsideDataFolder(String path) {
        return new InvalidConsolidationException(
                Kind.INVALID,
                "checkpoint-outside-data",
                "source checkpoint " + path + " is not under the trainer's data folder");
    }

    static InvalidConsolidationException unusableSource(String path, String why) {
        return new InvalidConsolidationException(
                Kind.UNPROCESSABLE, "checkpoint-not-verified", "source checkpoint " + path + " cannot be used: " + why);
    }
}
