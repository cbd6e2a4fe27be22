package dev.llmfleet.api.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * Turn a run's checkpoint into the next version: an adapter checkpoint is merged into its base (a
 * version), a full checkpoint is taken as it is.
 *
 * @param sourceCheckpoint the checkpoint folder, under the trainer's data folder
 * @param datasets SHA-256 of the datasets the run trained on
 * @param metrics training metrics (final loss, steps, ...)
 * @param evaluation evaluation results (validation loss, accuracy, ...)
 * @param createdBy who asks for it
 */
public record ConsolidateRequest(
        String sourceCheckpoint,
        String description,
        List<String> datasets,
        Map<String, Double> metrics,
        Map<String, Double> evaluation,
        String createdBy) {

    public ConsolidateRequest {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        evaluation = evaluation == null ? Map.of() : Map.copyOf(evaluation);
    }
}
