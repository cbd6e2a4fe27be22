package dev.llmfleet.orchestrator;

import dev.llmfleet.api.lifecycle.VersionView;
import java.time.Instant;
import java.util.List;

/** Versions as the training host's lifecycle API describes them, for the orchestrator's tests. */
public final class TestVersions {

    private TestVersions() {}

    /** The newest version, made by the orchestrator. */
    public static VersionView named(String name) {
        return of(name, null, "orchestrator", true, null);
    }

    /** A version that was deleted (its backups remain). */
    public static VersionView deleted(String name) {
        return of(name, null, "orchestrator", false, Instant.EPOCH);
    }

    public static VersionView of(
            String name, String sourceCheckpoint, String createdBy, boolean latest, Instant deletedAt) {
        return new VersionView(
                name,
                "test",
                null,
                sourceCheckpoint,
                "full",
                List.of(),
                null,
                null,
                "0".repeat(64),
                1,
                Instant.EPOCH,
                createdBy,
                latest,
                false,
                deletedAt);
    }
}
