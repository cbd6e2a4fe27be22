package dev.llmfleet.api.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model version on the trainer host.
 *
 * @param name {@code v001}, {@code v002}, ...
 * @param parent the version that was current when this one was made (null for the first)
 * @param sourceCheckpoint the checkpoint folder it was consolidated from
 * @param trainingMode {@code full} or {@code lora}
 * @param datasets SHA-256 of each dataset it was trained on
 * @param manifestSha256 SHA-256 of its {@code manifest.json}, which pins every file
 * @param latest whether it is the newest version
 * @param current whether it is the current model
 * @param deletedAt when it was deleted (its backups remain), null while it exists
 */
public record VersionView(
        String name,
        String description,
        String parent,
        String sourceCheckpoint,
        String trainingMode,
        List<String> datasets,
        Map<String, Double> metrics,
        Map<String, Double> evaluation,
        String manifestSha256,
        long sizeBytes,
        Instant createdAt,
        String createdBy,
        boolean latest,
        boolean current,
        Instant deletedAt) {

    public VersionView {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        evaluation = evaluation == null ? Map.of() : Map.copyOf(evaluation);
    }
}
