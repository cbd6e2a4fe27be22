package dev.llmfleet.trainer.lifecycle.versions;

import java.util.List;
import java.util.Map;

/**
 * What is known of a version before it has a number.
 *
 * @param trainingMode {@code full} or {@code lora} for a consolidated checkpoint, {@code import} for an imported folder
 */
public record VersionDraft(
        String description,
        String parent,
        String sourceCheckpoint,
        String trainingMode,
        List<String> datasets,
        Map<String, Double> metrics,
        Map<String, Double> evaluation,
        String createdBy) {}
