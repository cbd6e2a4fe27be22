package dev.llmfleet.trainer.snapshot;

import dev.llmfleet.api.error.FleetException;

public class SnapshotNotFoundException extends FleetException {

    private SnapshotNotFoundException(String message) {
        super(Kind.NOT_FOUND, "snapshot-not-found", message);
    }

    static SnapshotNotFoundException of(String dataset, long step) {
        return new SnapshotNotFoundException("no snapshot of dataset " + dataset + " at step " + step);
    }

    static SnapshotNotFoundException none(String dataset) {
        return new SnapshotNotFoundException("dataset " + dataset + " has no snapshots");
    }
}
