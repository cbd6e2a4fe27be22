package dev.llmfleet.api.lifecycle;

import java.util.List;

/** What a cleanup removed (or, in a dry run, would remove) and what it kept although old enough. */
public record BackupCleanupReport(boolean executed, List<String> removed, List<String> keptAsLastVerified) {

    public BackupCleanupReport {
        removed = List.copyOf(removed);
        keptAsLastVerified = List.copyOf(keptAsLastVerified);
    }
}
