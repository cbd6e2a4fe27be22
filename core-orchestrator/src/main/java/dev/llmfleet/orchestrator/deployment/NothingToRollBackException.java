package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.error.FleetException;

/** A rollback was asked for, but no version was deployed before the current one. */
public class NothingToRollBackException extends FleetException {

    private NothingToRollBackException(String message) {
        super(Kind.CONFLICT, "nothing-to-roll-back", message);
    }

    static NothingToRollBackException from(String current) {
        return new NothingToRollBackException(
                current == null
                        ? "Nothing has been deployed yet, so there is nothing to roll back"
                        : "No version was deployed before " + current + ", so there is nothing to roll back to");
    }
}
