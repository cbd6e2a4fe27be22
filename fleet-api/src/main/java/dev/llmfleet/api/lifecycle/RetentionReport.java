package dev.llmfleet.api.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * What retention removed (or would remove) and, for each kept checkpoint, why: {@code last},
 * {@code best}, {@code version}, {@code deployment}, {@code running_job}, {@code paused_job},
 * {@code backup_in_progress}.
 */
public record RetentionReport(boolean executed, List<String> removed, Map<String, List<String>> kept) {

    public RetentionReport {
        removed = List.copyOf(removed);
        kept = Map.copyOf(kept);
    }
}
